import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { idNumberProblem } from '../common/id-number';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { BanEntity } from './ban.entity';
import { barsRound, isWithin } from './ban-period';

/** A ban's period and decision, whichever kind of case made it. */
interface BanRecord {
  fromDate: string;
  untilDate: string;
  decisionDocument: string;
}

/** IDs per query when reading the bans of a round's applicants (well under every driver's parameter limit). */
const IDS_PER_QUERY = 500;

function toStatus(ban: BanRecord | undefined, active: boolean): BanStatus {
  if (!ban) return { active: false, from: null, until: null, decisionDocument: null };
  return { active, from: ban.fromDate, until: ban.untilDate, decisionDocument: ban.decisionDocument };
}

const period = (ban: BanRecord) => ({ from: ban.fromDate, until: ban.untilDate });

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
    const bans = await this.bansOf([idNumber]);
    const inForce = bans.find((ban) => isWithin(date, period(ban)));
    return toStatus(inForce ?? bans[0], inForce !== undefined);
  }

  /**
   * Whether an ID number may not apply to a round of `evaluationYear` on `date` (`barsRound`):
   * `active` with the barring ban, else as `statusOf`.
   */
  async roundBarOf(idNumber: string, evaluationYear: number, date: string): Promise<BanStatus> {
    const bans = await this.bansOf([idNumber]);
    const barring = bans.find((ban) => barsRound(period(ban), evaluationYear, date));
    return toStatus(barring ?? bans[0], barring !== undefined);
  }

  /**
   * The applications of a round of `evaluationYear` that may not be issued a certificate on
   * `date`, with the ban that says so: the applicant barred from the round (`barsRound`, a ban
   * confirmed since the application), or this very application's applicant ban, which 四.四.3
   * makes 取消当年评审资格 although its years start after the round's.
   */
  async barredApplications(
    applications: ReadonlyArray<{ id: number; idNumber: string }>,
    evaluationYear: number,
    date: string,
  ): Promise<Map<number, BanStatus>> {
    const bans = await this.bansOf(applications.map((a) => a.idNumber));
    const barred = new Map<number, BanStatus>();
    for (const application of applications) {
      const barring = bans.find(
        (ban) =>
          ban.idNumber === application.idNumber &&
          (ban.applicationId === application.id || barsRound(period(ban), evaluationYear, date)),
      );
      if (barring) barred.set(application.id, toStatus(barring, true));
    }
    return barred;
  }

  /** Every ban of these ID numbers not lifted, latest end first: revocations' and confirmed applicant bans. */
  private async bansOf(idNumbers: string[]): Promise<Array<BanRecord & { idNumber: string; applicationId?: number }>> {
    const unique = [...new Set(idNumbers)];
    const found: Array<BanRecord & { idNumber: string; applicationId?: number }> = [];
    for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
      const ids = In(unique.slice(start, start + IDS_PER_QUERY));
      found.push(
        ...(await this.bans.find({ where: { idNumber: ids, liftedByCaseId: IsNull() } })),
        // A confirmed applicant ban bars like a revocation's ban (docs/revocation.md, Applicant bans).
        ...(await this.applicantBans.find({ where: { idNumber: ids, state: 'CONFIRMED' } })),
      );
    }
    return found.sort((a, b) => b.untilDate.localeCompare(a.untilDate));
  }
}
