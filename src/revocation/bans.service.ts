import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { typedIdNumber } from '../common/id-number';
import { BanEntity } from './ban.entity';
import { barsRound, isWithin } from './ban-period';

/** A ban's period and decision, whichever kind of case made it. */
interface BanRecord {
  fromDate: string;
  untilDate: string;
  decisionDocument: string;
}

/** IDs per SQLite statement when reading bans (`IN (…)`, well under its parameter limit). */
const IDS_PER_QUERY = 500;

function toStatus(ban: BanRecord | undefined, active: boolean): BanStatus {
  if (!ban) return { active: false, from: null, until: null, decisionDocument: null };
  return { active, from: ban.fromDate, until: ban.untilDate, decisionDocument: ban.decisionDocument };
}

const period = (ban: BanRecord) => ({ from: ban.fromDate, until: ban.untilDate });

/** A stored ban; an applicant ban also names the year whose evaluation it cancelled (四.四.3 取消当年评审资格). */
type StoredBan = BanRecord & { idNumber: string; disqualifiedYear?: number };

interface BanRow {
  id_number: string;
  from_date: string;
  until_date: string;
  decision_document: string;
  disqualified_year: number | string | null;
}

/** Revocations' bans not lifted and confirmed applicant bans of the ID numbers that `idTest` (`IN (…)`, `= ANY(…)`) admits. */
const banRowsSql = (idTest: string) =>
  'SELECT id_number, from_date, until_date, decision_document, NULL AS disqualified_year FROM bans ' +
  `WHERE id_number ${idTest} AND lifted_by_case_id IS NULL ` +
  'UNION ALL SELECT id_number, from_date, until_date, decision_document, evaluation_year FROM applicant_bans ' +
  `WHERE id_number ${idTest} AND state = 'CONFIRMED'`;

/**
 * The ban that bars a person from an evaluation of `evaluationYear` on `date` (an application to
 * a round of that year, or a certificate of it): one that `barsRound` (in force, or of the
 * round's years), or an applicant ban of that very year, which 四.四.3 makes 取消当年评审资格
 * although its years start after it.
 */
function barringBan(
  bans: readonly StoredBan[],
  idNumber: string,
  evaluationYear: number,
  date: string,
): StoredBan | undefined {
  return bans.find(
    (ban) =>
      ban.idNumber === idNumber &&
      (ban.disqualifiedYear === evaluationYear || barsRound(period(ban), evaluationYear, date)),
  );
}

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
    private readonly clock: Clock,
  ) {}

  /**
   * Whether an ID number is barred from applying on a date (default: today in China). With
   * no ban in force, the latest ban that was not lifted is reported as inactive.
   */
  async statusOf(typed: string, date = chinaDate(this.clock.now())): Promise<BanStatus> {
    const idNumber = typedIdNumber(typed, chinaDate(this.clock.now()));
    const bans = await this.bansOf([idNumber]);
    const inForce = bans.find((ban) => isWithin(date, period(ban)));
    return toStatus(inForce ?? bans[0], inForce !== undefined);
  }

  /**
   * The ban barring each person from an evaluation of `evaluationYear`, each on their own day
   * (`barringBan`), in order, from one read: an application's filing and eligibility check, a
   * round's issuance and a direct issuance all ask this. `manager`: read inside the caller's
   * transaction (a direct issuance reads under its chain locks).
   */
  async barsOf(
    people: ReadonlyArray<{ idNumber: string; date: string }>,
    evaluationYear: number,
    manager: EntityManager = this.bans.manager,
  ): Promise<Array<BanStatus | undefined>> {
    const bans = await this.bansOf(
      people.map((p) => p.idNumber),
      manager,
    );
    return people.map(({ idNumber, date }) => {
      const barring = barringBan(bans, idNumber, evaluationYear, date);
      return barring && toStatus(barring, true);
    });
  }

  /** `barsOf` for filed applications: the barred ones by id. */
  async barredApplications(
    applications: ReadonlyArray<{ id: number; idNumber: string }>,
    evaluationYear: number,
    date: string,
  ): Promise<Map<number, BanStatus>> {
    const bars = await this.barsOf(
      applications.map(({ idNumber }) => ({ idNumber, date })),
      evaluationYear,
    );
    return new Map(applications.flatMap((a, i) => (bars[i] ? [[a.id, bars[i]] as const] : [])));
  }

  /**
   * Every ban of these ID numbers not lifted, latest end first: revocations' and confirmed
   * applicant bans, which bar alike (docs/revocation.md, Applicant bans). One statement: on
   * PostgreSQL one prepared text for any number of IDs, on SQLite a batch of at most
   * IDS_PER_QUERY; direct issuance asks for every group it writes.
   */
  private async bansOf(idNumbers: string[], manager = this.bans.manager): Promise<StoredBan[]> {
    const unique = [...new Set(idNumbers)];
    const rows: BanRow[] = [];
    if (manager.connection.options.type === 'postgres') {
      // One statement text whatever the count: one prepared plan per connection, not one per size.
      rows.push(...(await preparedQuery<BanRow>(manager, banRowsSql('= ANY($1::text[])'), [unique])));
    } else {
      for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
        const ids = unique.slice(start, start + IDS_PER_QUERY);
        const list = `IN (${ids.map(() => '?').join(', ')})`;
        rows.push(...(await manager.query<BanRow[]>(banRowsSql(list), [...ids, ...ids])));
      }
    }
    const found: StoredBan[] = rows.map((row) => ({
      idNumber: row.id_number,
      fromDate: row.from_date,
      untilDate: row.until_date,
      decisionDocument: row.decision_document,
      ...(row.disqualified_year === null ? {} : { disqualifiedYear: Number(row.disqualified_year) }),
    }));
    return found.sort((a, b) => b.untilDate.localeCompare(a.untilDate));
  }
}
