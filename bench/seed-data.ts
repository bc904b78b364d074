/**
 * Synthetic but realistic registry rows for the benchmark: Chinese names, Zhejiang employers
 * and region codes, valid GB 11643 ID numbers, the real claim format. What is synthetic: the
 * people, and the signatures of the stored credential and QR token (random bytes of the right
 * size, so rows have their real width; the benchmark re-signs a sample it verifies).
 */
import { createHash } from 'node:crypto';
import type { CertificateEntity } from '../src/certificates/certificate.entity';
import { buildCredentialClaims, buildTokenClaims } from '../src/certificates/credential-claims.builder';
import { idNumberCheckCharacter } from '../src/common/id-number';
import { formatCertificateNo, SPECIALTIES_BY_LEVEL, type Level } from '../src/common/qualifications';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌波宁俊峰林琳晨浩宇欣怡子涵梓轩雨思佳嘉瑶婷志鹏海燕立新国庆晓东';
const EMPLOYERS = [
  '浙江省计量科学研究院',
  '浙江省标准化研究院',
  '浙江省质量科学研究院',
  '浙江省特种设备科学研究院',
  '杭州市质量技术监督检测院',
  '宁波市计量测试研究院',
  '温州市质量技术检测科学研究院',
  '嘉兴市特种设备检验检测院',
  '湖州市产品质量检验所',
  '绍兴市标准化研究院',
  '金华市计量质量科学研究院',
  '衢州市质量技术监督检测中心',
  '舟山市质量技术监督检测研究院',
  '台州市产品质量安全检测研究院',
  '丽水市质量检验检测研究院',
  '浙江吉利控股集团有限公司',
  '杭州海康威视数字技术股份有限公司',
  '浙江大华技术股份有限公司',
  '万向集团公司',
  '正泰集团股份有限公司',
];
const REGIONS = [
  '330102',
  '330105',
  '330106',
  '330108',
  '330110',
  '330203',
  '330212',
  '330302',
  '330402',
  '330502',
  '330602',
  '330702',
  '330802',
  '330902',
  '331002',
  '331102',
];
const DAY_MS = 86_400_000;
const BIRTH_START = Date.UTC(1962, 0, 1);
const BIRTH_DAYS = 12_000;

function pick<T>(list: ArrayLike<T>, n: number): T {
  return list[n % list.length];
}

/** A unique, valid ID number per index: region, birth date and sequence in mixed radix. */
export function syntheticIdNumber(i: number): string {
  const region = pick(REGIONS, i);
  const rest = Math.floor(i / REGIONS.length);
  const birth = new Date(BIRTH_START + (rest % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${region}${birth}${String(Math.floor(rest / BIRTH_DAYS) + 100).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

function syntheticName(i: number): string {
  const given = pick(GIVEN, i * 7 + 3) + (i % 3 === 0 ? '' : pick(GIVEN, i * 13 + 5));
  return pick(SURNAMES, i * 31) + given;
}

function fakeSignature(seed: string): string {
  const digest = createHash('sha512').update(seed).digest();
  return digest.subarray(0, 64).toString('base64url');
}

function header(kid: string, typ: string): string {
  return Buffer.from(JSON.stringify({ alg: 'ES256', kid, typ })).toString('base64url');
}

export interface SeedCounters {
  /** Next sequence number per `${level}${year}`. */
  sequences: Map<string, number>;
  /** A random permutation of status-list indices, taken in order. */
  statusIndices: Int32Array;
}

/** Row `i` of the seed, with a credential and QR token of genuine shape and synthetic signatures. */
export function syntheticRecord(i: number, counters: SeedCounters): CertificateEntity {
  const level: Level = i % 5 === 0 ? 'professor' : 'senior';
  const year = 2019 + (i % 8);
  const key = `${level}${year}`;
  const sequence = (counters.sequences.get(key) ?? 0) + 1;
  counters.sequences.set(key, sequence);
  const idNumber = syntheticIdNumber(i);
  const specialties = SPECIALTIES_BY_LEVEL[level];
  const issuedAt = `${year}-11-27T02:00:00.000Z`;
  const record = {
    certificateNo: formatCertificateNo(level, year, sequence),
    holderName: syntheticName(i),
    gender: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    idNumber,
    idHashSalt: createHash('sha256').update(`salt${i}`).digest().subarray(0, 16).toString('base64url'),
    employer: pick(EMPLOYERS, i * 17),
    level,
    specialty: pick(specialties, i * 11),
    evaluationYear: year,
    passedOn: `${year}-11-${String(10 + (i % 15)).padStart(2, '0')}`,
    approvalDocument: `浙市监人〔${year}〕${(i % 40) + 1}号`,
    issuedAt,
    status: i % 200 === 7 ? 'REVOKED' : 'VALID',
    statusIndex: counters.statusIndices[i],
    createdAt: issuedAt,
    updatedAt: issuedAt,
  } as CertificateEntity;
  const claims = buildCredentialClaims(record);
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const tokenPayload = Buffer.from(JSON.stringify(buildTokenClaims(claims))).toString('base64url');
  record.credential = JSON.stringify({
    payload,
    signatures: ['amr', 'hrss'].map((a) => ({
      protected: header(`synthetic-${a}`, 'zjzc+jws'),
      signature: fakeSignature(`${a}${i}`),
    })),
  });
  record.qrToken = `${header('synthetic-amr', 'zjzc-qr+jws')}.${tokenPayload}.${fakeSignature(`qa${i}`)}~${header('synthetic-hrss', 'zjzc-qr+jws')}..${fakeSignature(`qh${i}`)}`;
  return record;
}

/** A uniformly random permutation of 0..capacity-1 (Fisher–Yates), seeded for repeatability. */
export function statusIndexPermutation(capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) out[i] = i;
  let state = 0x9e3779b9;
  for (let i = capacity - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
