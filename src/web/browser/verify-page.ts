/**
 * The verification page the QR code opens (`/v#<token>`). It runs the server's own pure
 * verifier (src/signing/qr-token.ts) against the published keys, shows the token's fields,
 * then asks the registry for the live status, or, out of its reach, the signed status list.
 * Bundled by scripts/build-web.js.
 */
import { checkTokenSignatures } from '../../signing/qr-token';
import { chinaDateTime } from '../../common/china-dates';
import { tokenRows } from './labels';
import { fetchLiveStatus } from './live-status';
import { checkLogInclusion, logInclusionNote } from './log-inclusion';
import { loadPublishedKeys } from './published-keys';
import { statusFromList } from './status-list-fallback';
import { qrFromFile, tokenFromQrText } from './qr-reader';
import { NO_KEYS_VERDICT, verdictFor } from './verdict';
import {
  renderFields,
  renderNote,
  renderSignatures,
  renderVerdict,
  scrollToResult,
  setFileStatus,
  showResultCard,
} from './view';

/** Bumped for each token, so a slow answer for an earlier token never overwrites a newer one. */
let run = 0;

function tokenFromLocation(): string {
  const raw = location.hash.slice(1);
  try {
    // Some scanners percent-encode the "~" between the two signatures.
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

async function verify(token: string): Promise<void> {
  const mine = ++run;
  showResultCard();
  renderVerdict({ verdictClass: 'pending', title: '正在查验…', detail: '正在核验两个发证机关的电子签名。' });
  renderFields([]);
  renderSignatures(null);
  renderNote([]);
  const keys = await loadPublishedKeys().catch(() => undefined);
  if (mine !== run) return;
  if (!keys) return renderVerdict(NO_KEYS_VERDICT);
  const check = await checkTokenSignatures(token, keys.lookup, new Date());
  const keyNote = keys.fromCache ? [`签名按本设备于 ${chinaDateTime(keys.fetchedAt)} 保存的公钥核验。`] : [];
  renderSignatures(check);
  renderNote(keyNote);
  if (!check.ok || !check.claims) return renderVerdict(verdictFor(check, { kind: 'pending' }));
  renderFields(tokenRows(check.claims, null));
  renderVerdict(verdictFor(check, { kind: 'pending' }));
  const [answer, logged] = await Promise.all([
    fetchLiveStatus(token, check.claims.no),
    checkLogInclusion(check.claims.no),
  ]);
  if (answer.live.kind === 'unreachable') {
    const listed = await statusFromList(check.claims.x, keys.lookup);
    if (listed) answer.live = { kind: 'from-list', ...listed, now: new Date(), busy: answer.live.busy };
  }
  if (mine !== run) return;
  if (answer.extras) renderFields(tokenRows(check.claims, answer.extras));
  const verdict = verdictFor(check, answer.live);
  // Not silently 有效: a certificate the public log does not prove is not shown as valid.
  const unlogged = logged.kind === 'missing' || logged.kind === 'failed';
  renderVerdict(
    unlogged && verdict.verdictClass === 'valid'
      ? { verdictClass: 'invalid', title: '无效', detail: logInclusionNote(logged) }
      : verdict,
  );
  const logNote = logInclusionNote(logged);
  if (answer.live.kind === 'answered')
    renderNote([...keyNote, logNote, `登记系统查询时间：${chinaDateTime(answer.live.status.checkedAt)}。`]);
  else renderNote([...keyNote, logNote]);
}

function onLocation(): void {
  const token = tokenFromLocation();
  if (token !== '') void verify(token);
}

async function onFileChosen(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  setFileStatus('正在识别二维码…', 'busy');
  try {
    const text = await qrFromFile(file);
    if (!text) return setFileStatus('未在文件中找到二维码。请选择证书 PDF 文件，或清晰、完整的二维码照片。', 'error');
    setFileStatus('已识别二维码，查验结果见上方。', 'done');
    const token = tokenFromQrText(text);
    // Setting the same fragment again fires no hashchange: verify directly then.
    if (token === tokenFromLocation()) void verify(token);
    else location.hash = token;
    scrollToResult();
  } catch {
    setFileStatus('无法读取该文件。请选择 PDF 文件或 JPG、PNG 图片。', 'error');
  } finally {
    input.value = '';
  }
}

function start(): void {
  window.addEventListener('hashchange', onLocation);
  const input = document.getElementById('file-input') as HTMLInputElement | null;
  input?.addEventListener('change', () => void onFileChosen(input));
  // The template hides the file chooser: it works only with this script.
  const fileCard = document.getElementById('file-card');
  if (fileCard) fileCard.hidden = false;
  onLocation();
}

start();
