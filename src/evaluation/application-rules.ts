import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError, ErrorCode } from '../common/app-error';
import { isCalendarDate } from '../common/formats';
import { genderOfIdNumber, idNumberProblem } from '../common/id-number';
import {
  LEVEL_NAMES,
  SPECIALTIES_BY_LEVEL,
  SPECIALTY_NAMES,
  type Level,
  type Specialty,
} from '../common/qualifications';
import { toAppError } from '../common/validation.pipe';
import { HolderDto } from '../certificates/dto/issue-certificate.dto';
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { countWorkingDays } from './working-days';

/** 三.四: the regular channel, or landmark achievements submitted directly (绿色通道). */
export type Channel = 'regular' | 'landmark';

export interface ApplicationInput {
  name: string;
  idNumber: string;
  employer: string;
  specialty: Specialty;
  channel: Channel;
  /** 量化赋分, for 高级 applicants of the regular channel. */
  quantitativeScore: number | null;
  /** 四.三.1: the applicant pledges that every material is true. */
  pledge: boolean;
  employerPublicityStart: string;
  employerPublicityEnd: string;
  /** 四.三.3: reviewed and forwarded by the competent department. */
  departmentReviewed: boolean;
  /** 四.三.3: 高级 applicants are first recommended by the intermediate committee (中评委). */
  intermediateRecommended: boolean;
}

export interface RoundTerms {
  level: Level;
  scoreThreshold: number | null;
}

export interface FieldProblem {
  field: string;
  code: ErrorCode;
  reason: string;
  details?: Record<string, unknown>;
}

/** 四.三.2: "公示不少于5个工作日". */
export const MIN_EMPLOYER_PUBLICITY_WORKING_DAYS = 5;

/** The applicant as a certificate holder: the same rules as a direct issuance, so batch issuance cannot fail on them later. */
function holderProblem(input: ApplicationInput, today: string): FieldProblem | undefined {
  const idProblem = idNumberProblem(input.idNumber, today);
  if (idProblem) return { field: 'idNumber', code: 'ID_NUMBER_INVALID', reason: `idNumber ${idProblem}.` };
  const holder = plainToInstance(HolderDto, {
    name: input.name,
    gender: genderOfIdNumber(input.idNumber),
    idNumber: input.idNumber,
    employer: input.employer,
  });
  // Every failure is collected: toAppError reports the topmost failing check, as for a request.
  const errors = validateSync(holder);
  if (errors.length === 0) return undefined;
  const error = toAppError(errors);
  const field = error.details?.field;
  return { field: typeof field === 'string' ? field : 'name', code: error.code, reason: error.message };
}

function publicityProblem(input: ApplicationInput, today: string, calendar: HolidayCalendar): FieldProblem | undefined {
  for (const field of ['employerPublicityStart', 'employerPublicityEnd'] as const) {
    if (!isCalendarDate(input[field]))
      return { field, code: 'DATE_INVALID', reason: `${field} is not a real date YYYY-MM-DD.` };
  }
  if (input.employerPublicityEnd > today)
    return {
      field: 'employerPublicityEnd',
      code: 'DATE_IN_FUTURE',
      reason: 'The employer publicity has not ended yet.',
    };
  let workingDays: number;
  try {
    workingDays = countWorkingDays(input.employerPublicityStart, input.employerPublicityEnd, calendar);
  } catch (error) {
    if (error instanceof AppError)
      return { field: 'employerPublicityEnd', code: error.code, reason: error.message, details: error.details };
    throw error;
  }
  if (workingDays < MIN_EMPLOYER_PUBLICITY_WORKING_DAYS) {
    return {
      field: 'employerPublicityEnd',
      code: 'EMPLOYER_PUBLICITY_TOO_SHORT',
      reason: `The employer publicised for ${workingDays} working days; at least ${MIN_EMPLOYER_PUBLICITY_WORKING_DAYS} are required (四.三.2).`,
      details: { workingDays },
    };
  }
  return undefined;
}

function channelProblem(input: ApplicationInput, terms: RoundTerms): FieldProblem | undefined {
  if (terms.level !== 'senior') return undefined;
  if (!input.intermediateRecommended) {
    return {
      field: 'intermediateRecommended',
      code: 'INTERMEDIATE_RECOMMENDATION_MISSING',
      reason: '高级工程师 applicants must first be recommended by the intermediate committee (四.三.3).',
    };
  }
  // 三.四: the quantitative score qualifies a regular applicant; a landmark achievement goes direct.
  const threshold = terms.scoreThreshold ?? 0;
  if (input.channel === 'regular' && (input.quantitativeScore === null || input.quantitativeScore < threshold)) {
    const score = input.quantitativeScore;
    return {
      field: 'quantitativeScore',
      code: 'QUANTITATIVE_SCORE_BELOW_THRESHOLD',
      reason: `The quantitative score ${score ?? '(none)'} is below the round's threshold ${threshold} (三.四).`,
      details: { score, threshold },
    };
  }
  return undefined;
}

/** Every rule an application breaks, besides a ban (checked against the database); working days count on `calendar`. */
export function applicationProblems(
  input: ApplicationInput,
  terms: RoundTerms,
  today: string,
  calendar: HolidayCalendar,
): FieldProblem[] {
  const problems: Array<FieldProblem | undefined> = [holderProblem(input, today)];
  if (!SPECIALTIES_BY_LEVEL[terms.level].includes(input.specialty)) {
    problems.push({
      field: 'specialty',
      code: 'SPECIALTY_NOT_ALLOWED_FOR_LEVEL',
      reason: `${SPECIALTY_NAMES[input.specialty]} is not evaluated for ${LEVEL_NAMES[terms.level]}.`,
    });
  }
  if (!input.pledge)
    problems.push({
      field: 'pledge',
      code: 'PLEDGE_MISSING',
      reason: 'The applicant has not pledged that the materials are true (四.三.1).',
    });
  problems.push(publicityProblem(input, today, calendar));
  if (!input.departmentReviewed)
    problems.push({
      field: 'departmentReviewed',
      code: 'DEPARTMENT_REVIEW_MISSING',
      reason: 'The competent department has not reviewed the application (四.三.3).',
    });
  problems.push(channelProblem(input, terms));
  return problems.filter((p): p is FieldProblem => p !== undefined);
}
