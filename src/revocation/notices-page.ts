import { OUTAGE_PAGE_TEXT } from '../common/outage-page.filter';
import type { Notice } from './revocation-records.service';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function noticeRow(n: Notice): string {
  const ban = n.ban ? `${n.ban.from} 至 ${n.ban.until}` : '—';
  return `<article class="notice">
  <h2>${escapeHtml(n.holderName)} <small>${escapeHtml(n.idNumberMasked)}</small></h2>
  <dl>
    <dt>工作单位</dt><dd>${escapeHtml(n.employer)}</dd>
    <dt>取消资格</dt><dd>${escapeHtml(n.qualification)}（${escapeHtml(n.specialty)}） 证书编号 ${escapeHtml(n.certificateNo)}</dd>
    <dt>违规情形</dt><dd>${escapeHtml(n.reasonCategoryName)}</dd>
    <dt>处理决定</dt><dd>${escapeHtml(n.decisionDocument)}（${escapeHtml(n.decisionDate)}）</dd>
    <dt>生效日期</dt><dd>${escapeHtml(n.effectiveDate)}</dd>
    <dt>不得申报期限</dt><dd>${escapeHtml(ban)}</dd>
  </dl>
</article>`;
}

/** The public page of disciplinary decisions: server-rendered, no script, zh-CN. */
export function renderNoticesPage(notices: Notice[]): string {
  return noticesShell(notices.length ? notices.map(noticeRow).join('\n') : '<p class="empty">暂无公示的违纪处理结果。</p>');
}

/** The same page while the database is out (served with 503): the look stays, the list waits. */
export function renderNoticesUnavailablePage(): string {
  return noticesShell(`<p class="empty">${escapeHtml(OUTAGE_PAGE_TEXT.detail)}</p>`);
}

function noticesShell(body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>违纪处理结果公示 — 浙江省质量技术基础专业职称评审</title>
<link rel="stylesheet" href="/notices.css">
</head>
<body>
<header><h1>违纪处理结果公示</h1>
<p>依据浙市监人〔2019〕26号，以不正当手段取得的专业技术职务任职资格予以撤销；情节严重的，自评审次年起3年内不得申报，并对所在单位全省通报批评。</p></header>
<main>
${body}
</main>
<footer>浙江省市场监督管理局　浙江省人力资源和社会保障厅</footer>
</body>
</html>`;
}

export const NOTICES_CSS = `body{font-family:"Noto Serif SC","Songti SC",serif;margin:0;background:#f7f4ee;color:#222}
header{background:#8b1a1a;color:#fff;padding:1rem 1.25rem}header h1{margin:0 0 .5rem;font-size:1.4rem}header p{margin:0;font-size:.9rem;line-height:1.5}
main{max-width:48rem;margin:0 auto;padding:1rem}
.notice{background:#fff;border-left:4px solid #8b1a1a;margin:0 0 1rem;padding:.75rem 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.notice h2{margin:0 0 .5rem;font-size:1.15rem}.notice small{color:#666;font-weight:normal;margin-left:.5rem}
dl{display:grid;grid-template-columns:7em 1fr;gap:.25rem .75rem;margin:0}dt{color:#666}dd{margin:0}
.empty{color:#666;text-align:center;padding:2rem 0}footer{text-align:center;color:#666;font-size:.85rem;padding:1.5rem}`;
