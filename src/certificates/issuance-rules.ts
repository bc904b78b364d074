import { AppError } from '../common/app-error';
import { requireDocumentYear, requireRealDate } from '../common/formats';
import { genderOfIdNumber, idNumberProblem } from '../common/id-number';
import { LEVEL_NAMES, SPECIALTIES_BY_LEVEL, SPECIALTY_NAMES } from '../common/qualifications';
import type { IssueCertificateDto } from './dto/issue-certificate.dto';

/**
 * The request's values the certificate page prints as given, by field path (the rest of the
 * page is derived: level and specialty names, dates, the certificate number).
 */
export function printedRequestFields(request: IssueCertificateDto): Record<string, string> {
  return {
    'holder.name': request.holder.name,
    'holder.employer': request.holder.employer,
    approvalDocument: request.approvalDocument,
  };
}

/**
 * The rules an issuance request must meet beyond its shape. `today` is the date in China
 * (YYYY-MM-DD) from the injected clock. Throws the AppError of the first rule broken.
 */
export function checkIssuanceRules(request: IssueCertificateDto, today: string): void {
  const { holder } = request;
  const idProblem = idNumberProblem(holder.idNumber, today);
  if (idProblem) throw new AppError('ID_NUMBER_INVALID', `idNumber ${idProblem}.`, { field: 'holder.idNumber' });
  if (genderOfIdNumber(holder.idNumber) !== holder.gender) {
    throw new AppError('GENDER_MISMATCH', `gender ${holder.gender} does not match the ID number.`, {
      field: 'holder.gender',
    });
  }
  if (!SPECIALTIES_BY_LEVEL[request.level].includes(request.specialty)) {
    throw new AppError(
      'SPECIALTY_NOT_ALLOWED_FOR_LEVEL',
      `${SPECIALTY_NAMES[request.specialty]} is not evaluated for ${LEVEL_NAMES[request.level]}.`,
      { field: 'specialty' },
    );
  }
  requireRealDate(request.passedOn, 'passedOn');
  if (request.passedOn > today)
    throw new AppError('DATE_IN_FUTURE', 'passedOn is in the future.', { field: 'passedOn' });
  const currentYear = Number(today.slice(0, 4));
  if (request.evaluationYear > currentYear) {
    throw new AppError('EVALUATION_YEAR_INVALID', 'evaluationYear is in the future.', { field: 'evaluationYear' });
  }
  // A round's meeting falls in its year; the result may be passed early the next year.
  const passedYear = Number(request.passedOn.slice(0, 4));
  if (passedYear < request.evaluationYear || passedYear > request.evaluationYear + 1) {
    throw new AppError('DATE_INVALID', `passedOn must fall in ${request.evaluationYear} or the year after.`, {
      field: 'passedOn',
    });
  }
  // Approved after the evaluation, and not in a year still to come.
  requireDocumentYear(
    request.approvalDocument,
    'approvalDocument',
    'APPROVAL_DOCUMENT_INVALID',
    request.evaluationYear,
    today,
  );
}
