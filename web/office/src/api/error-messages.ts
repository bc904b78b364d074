/**
 * Every code the API answers, in the officer's words: the console shows these, never the API's
 * English message. A screen may say it more precisely for its own form (issue-form.ts,
 * revocation-cases.ts…); this table is what any screen falls back to. error-messages.spec.ts
 * fails when the service declares a code this table lacks.
 */
export const API_MESSAGES: Readonly<Record<string, string>> = {
  // The shape, size and pace of a request.
  BAD_JSON: '请求内容无效（应为一个 JSON 对象），请刷新页面后重试。',
  BAD_URL: '地址中含有未编码的字符。',
  BODY_TOO_DEEP: '请求内容嵌套过深。',
  BODY_NOT_UTF8: '请求内容不是 UTF-8 文字。',
  BODY_REPEATED_NAME: '请求内容中有重复的字段。',
  VALIDATION_FAILED: '填写的内容不符合要求，请检查后重试。',
  UNKNOWN_FIELD: '请求中含有不认识的字段，请刷新页面后重试。',
  ROUTE_NOT_FOUND: '没有这个页面或接口。',
  METHOD_NOT_ALLOWED: '不支持此操作。',
  REQUEST_TIMEOUT: '请求超时，请重试。',
  BODY_TOO_LARGE: '提交的内容过大。',
  UNSUPPORTED_MEDIA_TYPE: '提交的内容格式不受支持。',
  RANGE_NOT_SATISFIABLE: '请求的文件范围超出文件长度。',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试。',
  RATE_LIMITED: '请求过于频繁，请稍后再试。',
  HEADERS_TOO_LARGE: '请求头过大，请清除浏览器 Cookie 后重试。',
  SERVICE_UNAVAILABLE: '服务暂时不可用（数据库无法连接），请稍后再试。',

  // A field refused by the same rule wherever it arrives.
  ID_NUMBER_INVALID: '身份证号无效：应为 18 位，出生日期有效，末位校验码正确。',
  NAME_INVALID: '姓名无效：应为文字（可含间隔号“·”）。',
  EMPLOYER_INVALID: '工作单位无效（2–100 个字）。',
  DATE_INVALID: '日期无效或不在允许的范围内。',
  DATE_IN_FUTURE: '日期不能晚于今天。',
  LEVEL_INVALID: '请选择资格名称。',
  SPECIALTY_INVALID: '请选择专业。',
  SPECIALTY_NOT_ALLOWED_FOR_LEVEL: '特种设备专业仅评正高级工程师。',
  EVALUATION_YEAR_INVALID: '评审年度无效。',
  APPROVAL_DOCUMENT_INVALID:
    '文号应如：浙市监人〔2026〕12号；〔〕中为发文年份，不早于评审年度，不晚于发文日期所在的年份。',
  DECISION_DOCUMENT_INVALID:
    '文号应如：浙人社〔2026〕88号；〔〕中为发文年份，不早于评审年度，不晚于决定日期所在的年份。',
  CERTIFICATE_NO_INVALID: '证书编号格式应如 ZJZ2026000001。',

  // Sign-in and roles.
  AUTH_REQUIRED: '登录已过期，请重新登录。',
  AUTH_TOKEN_INVALID: '登录已失效，请重新登录。',
  CSRF_HEADER_MISSING: '请求缺少控制台标识，请刷新页面后重试。',
  INVALID_CREDENTIALS: '用户名或密码不正确。',
  FORBIDDEN_ROLE: '您的账号无权进行此操作。',

  // Officers.
  OFFICER_INVALID: '用户名、密码或角色不符合要求。',
  OFFICER_EXISTS: '该用户名已被使用。',
  OFFICER_NOT_FOUND: '未找到该人员，可能已被其他管理员修改，请刷新后重试。',
  OFFICER_OTHER_AUTHORITY: '该人员属于另一发证机关，无权管理。',
  OFFICER_SELF_LOCKOUT: '不能停用自己的账号，也不能取消自己的管理员角色。',

  // The working-day calendar.
  CALENDAR_INVALID: '放假安排文件格式有误。',
  CALENDAR_DATE_INVALID: '放假安排中有无效日期。',
  CALENDAR_DATE_DUPLICATE: '放假安排中有重复的日期。',
  CALENDAR_DATE_CONFLICT: '同一日期不能既是假日又是调休工作日。',
  CALENDAR_DOCUMENT_NUMBER_INVALID: '请填写国务院办公厅通知文号，如：国办发明电〔2026〕7号。',
  CALENDAR_YEAR_NOT_COVERED: '工作日历缺少该年度的放假安排，请先导入。',

  // Certificates.
  GENDER_INVALID: '请选择性别。',
  GENDER_MISMATCH: '性别与身份证号不符。',
  CERTIFICATE_NOT_FOUND: '未找到该证书。',
  CERTIFICATE_CONFLICT: '该持证人本年度此资格已有证书，且登记信息与本次不同。',
  HOLDER_CERTIFICATE_REVOKED: '该持证人本年度此资格的证书已撤销，不能再次签发。',
  CERTIFICATE_REVOKED: '该证书已撤销，不再提供 PDF 下载。',
  PDF_CHARACTER_UNSUPPORTED: '含证书字体无法显示的字。',
  PDF_BUSY: 'PDF 生成繁忙，请稍后再试。',
  VERIFICATION_REQUEST_INVALID: '核验请求无效：请提供凭证或二维码内容之一。',

  // Revocations, reinstatements and bans.
  REASON_CATEGORY_INVALID: '请选择撤销事由。',
  CONFIRMATION_BY_SAME_AUTHORITY: '本机关发起的决定须由另一机关确认。',
  CASE_NOT_FOUND: '未找到该决定，请刷新列表。',
  CASE_NOT_PENDING: '该决定已被处理，请刷新列表。',
  CASE_ALREADY_OPEN: '已有待确认的决定，请等待对方机关确认或驳回。',
  CERTIFICATE_ALREADY_REVOKED: '该证书已撤销。',
  CERTIFICATE_NOT_REVOKED: '该证书没有已生效的撤销决定，无需恢复。',
  APPLICANT_HAS_CERTIFICATE: '该申报人已取得证书：请撤销证书，而非禁止申报。',
  APPLICANT_ALREADY_BANNED: '该申报已有禁止申报决定。',

  // Evaluation rounds.
  CSV_INVALID: '文件有误，未导入任何内容。',
  // One line of a refused CSV file (CSV_INVALID's details.problems), shown in its table.
  CSV_NOT_UTF8: '文件不是 UTF-8 编码（如为 GBK）：请在 Excel/WPS 中另存为 UTF-8 编码的 CSV 文件。',
  CSV_UNREADABLE: '文件无法按 CSV 读取（如引号未闭合）。',
  CSV_EMPTY: '文件是空的。',
  CSV_NO_ROWS: '文件只有表头，没有数据行。',
  CSV_COLUMN_REPEATED: '表头中此列出现了不止一次。',
  CSV_COLUMN_MISSING: '表头缺少此列。',
  CSV_COLUMN_UNKNOWN: '表头中有模板以外的列。',
  CSV_ROW_WIDTH: '本行的值个数与表头的列数不同（多了或少了逗号）。',
  CSV_CELL_FORMULA: '不得以 =、+、- 或 @ 开头：电子表格会把它当作公式执行。',
  CSV_CELL_INVISIBLE: '含有不可见的字符（常随复制粘贴带入），请删除后重新导出。',
  CSV_VALUE_INVALID: '此列的值不符合填写要求。',
  CSV_EXPERT_REPEATED: '专家编号与前面的行重复。',
  SCORE_THRESHOLD_INVALID: '高级工程师评审须填写量化赋分线，正高级工程师评审不填。',
  SEED_INVALID: '种子应为 64 位小写十六进制字符。',
  COMMITMENT_INVALID: '承诺值应为 64 位小写十六进制字符（SHA-256）。',
  DRAW_WITNESS_INVALID: '见证值（1–64 个字符）或来源（2–200 个字）无效。',
  WITHDRAWAL_REASON_INVALID: '回避理由应为 2–200 个字，不含不可见的字符。',
  ROUND_NOT_FOUND: '未找到该评审轮次。',
  APPLICATION_NOT_FOUND: '未找到该申报。',
  OBJECTION_NOT_FOUND: '未找到该异议。',
  STEP_REQUIRES_AMR: '此步骤由浙江省市场监督管理局办理。',
  STEP_REQUIRES_HRSS: '此步骤由浙江省人力资源和社会保障厅办理。',
  STEP_REQUIRES_AUTHORITY: '此步骤须由发证机关的工作人员办理。',
  PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY: '本机关提出的联合发文须由另一机关确认。',
  ROUND_EXISTS: '该资格本年度的评审轮次已存在。',
  ROUND_STEP_OUT_OF_ORDER: '评审轮次已进入其他步骤，请刷新页面。',
  APPLICATION_DUPLICATE: '该申报人已在本轮申报。',
  DRAW_ALREADY_COMMITTED: '抽取承诺值已公布。',
  DRAW_NOT_COMMITTED: '请先公布抽取承诺值。',
  DRAW_ALREADY_DONE: '评委已抽取。',
  COMMITTEE_NOT_DRAWN: '请先抽取评委。',
  DRAW_WITNESS_MISSING: '请先登记公开见证值，再公布种子。',
  DRAW_WITNESS_ALREADY_RECORDED: '见证值已登记。',
  COMMITTEE_WITHDRAWAL_TOO_LATE: '已签到，不能再登记回避。',
  ATTENDANCE_NOT_RECORDED: '请先登记到会委员。',
  TALLY_ALREADY_RECORDED: '计票结果已录入。',
  TALLY_NOT_RECORDED: '请先录入计票结果。',
  OBJECTIONS_UNRESOLVED: '尚有未处理的异议。',
  OBJECTION_ALREADY_RESOLVED: '该异议已处理。',
  PRE_EVALUATION_REPORT_NOT_RECORDED: '省市场监管局尚未登记评审前情况报送（四.三.4）。',
  PUBLICATION_NOT_PROPOSED: '没有待确认的联合发文。',
  PUBLICATION_ALREADY_PROPOSED: '已有待确认的联合发文，请先确认或驳回。',
  APPLICANT_BANNED: '申报人在禁止申报期内（四.四.3）。',
  PLEDGE_MISSING: '申报人未作真实性承诺（四.三.1）。',
  EMPLOYER_PUBLICITY_TOO_SHORT: '单位公示不足 5 个工作日（四.三.2）。',
  DEPARTMENT_REVIEW_MISSING: '缺少主管部门审核（四.三.3）。',
  INTERMEDIATE_RECOMMENDATION_MISSING: '缺少中评委推荐（四.三.3）。',
  QUANTITATIVE_SCORE_BELOW_THRESHOLD: '量化赋分低于本轮分数线（三.四）。',
  COMMITTEE_SIZE_INVALID: '评委会人数应为不少于 25 的奇数。',
  POOL_TOO_SMALL: '专家库中符合条件的专家不足 50 人。',
  POOL_SPECIALTY_SHORT: '某专业符合条件的专家不足。',
  NO_ELIGIBLE_APPLICANTS: '没有资格审查合格的申报人。',
  NO_APPLICATIONS: '本评审尚无申报，请先录入或导入申报材料再截止申报。',
  SEED_MISMATCH: '种子与公布的承诺值不符。',
  DRAW_WITNESS_BEFORE_COMMITMENT: '见证值的公布日期不能早于承诺值的公布日期。',
  PRE_EVALUATION_REPORT_TOO_LATE: '报送日期晚于会前 10 个工作日。',
  MEETING_DATE_TOO_EARLY:
    '评审会议日期过早：须在会前 10 个工作日将评审前情况报送省人力社保厅（四.三.4），请改选更晚的日期。',
  MEETING_DATE_NOT_REACHED: '尚未到评审会议日。',
  NOT_A_COMMITTEE_MEMBER: '不是本届评委会委员。',
  QUORUM_NOT_MET: '到会委员不足评委会人数的三分之二。',
  TALLY_INCOMPLETE: '每位资格合格的申报人须有且仅有一行计票结果。',
  TALLY_MISMATCH: '每位申报人的赞成、反对、弃权票之和应等于到会委员人数。',
  PRESIDING_MEMBER_INVALID: '主持人应为到会的主任委员或副主任委员。',
  PUBLICITY_TOO_SHORT: '公示期不足 5 个工作日（四.三.6）。',
  PUBLICITY_NOT_OVER: '公示期尚未结束。',
  TIMELINE_OUT_OF_ORDER: '日期与评审各步骤的先后次序不符：不能早于前面的步骤，不能晚于后面的步骤或今天。',

  // The transparency log.
  LOG_PARAMETER_INVALID: '透明日志查询参数无效。',
  LOG_TREE_SIZE_UNKNOWN: '透明日志没有该规模的签名检查点。',
  LOG_ENTRY_NOT_FOUND: '未找到该透明日志条目。',
  LOG_TILE_NOT_FOUND: '未找到该透明日志分片。',
};

/** The details an answer names that the officer needs beside the text (which certificate, which date). */
const DETAIL_LABELS: ReadonlyArray<readonly [key: string, label: string]> = [
  ['certificateNo', '证书编号'],
  ['earliest', '最早可选'],
  ['latest', '最晚'],
  // A text rule's refusal: the character the field does not show (often pasted with the text).
  ['character', '含不可见的字符'],
];

/**
 * The officer's words for a code, with the details that name a certificate or a date; a code the
 * table lacks (a service newer than this console) still reads in Chinese, with the code to quote.
 */
export function apiMessage(code: string, details?: Record<string, unknown>): string {
  const text = API_MESSAGES[code] ?? `操作未成功（错误代码 ${code}），请刷新页面后重试。`;
  const named = DETAIL_LABELS.flatMap(([key, label]) =>
    typeof details?.[key] === 'string' || typeof details?.[key] === 'number' ? [`${label} ${details[key]}`] : [],
  );
  return named.length > 0 ? `${text}（${named.join('，')}）` : text;
}
