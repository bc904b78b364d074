import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { idNumberProblem } from '../common/id-number';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { BanEntity } from './ban.entity';
import { isWithin } from './ban-period';

export interface BanStatus {
  active: boolean;
  from: string | null;
  until: string | null;
  decisionDocument: string | null;
}

@Injectable()
export class BansService {
  constructor(
    @InjectRepository(BanEntity) private readonly bans: Repository<BanEntity>,
    @InjectRepository(ApplicantBanEntity) private readonly applicantBans: Repository<ApplicantBanEntity>,
    private readonly clock: Clock,
  ) {}

  /**
   * Whether an ID number is barred from applying on a date (default: today in China). With
   * no ban in force, the latest ban that was not lifted is reported as inactive.
   */
  async statusOf(idNumber: string, date = chinaDate(this.clock.now())): Promise<BanStatus> {
    const problem = idNumberProblem(idNumber, chinaDate(this.clock.now()));
    if (problem) throw new AppError('ID_NUMBER_INVALID', `idNumber ${problem}.`);
    const bans = [
      ...(await this.bans.find({ where: { idNumber, liftedByCaseId: IsNull() } })),
      // A confirmed applicant ban bars like a revocation's ban (docs/revocation.md, Applicant bans).
      ...(await this.applicantBans.find({ where: { idNumber, state: 'CONFIRMED' } })),
    ].sort((a, b) => b.untilDate.localeCompare(a.untilDate));
    const inForce = bans.find((ban) => isWithin(date, { from: ban.fromDate, until: ban.untilDate }));
    const shown = inForce ?? bans[0];
    if (!shown) return { active: false, from: null, until: null, decisionDocument: null };
    return {
      active: inForce !== undefined,
      from: shown.fromDate,
      until: shown.untilDate,
      decisionDocument: shown.decisionDocument,
    };
  }
}
