import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { createHash } from 'node:crypto';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { genderOfIdNumber } from '../common/id-number';
import { TransactionRunner } from '../database/transaction-runner';
import { uniqueViolation } from '../database/unique-violation';
import { CalendarService } from '../calendar/calendar.service';
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { CertificateFontsService } from '../pdf/certificate-fonts.service';
import { BansService } from '../revocation/bans.service';
import { ApplicationEntity } from './application.entity';
import { ApplicationInput, applicationProblems, FieldProblem } from './application-rules';
import { COLUMN_OF_FIELD, readApplicationsCsv } from './applications-csv';
import { CsvProblem, csvRefusal } from './csv-table';
import { TallyEntity } from './meeting.entities';
import { RoundEntity } from './round.entity';
import { requireAuthority } from './round-authorities';
import { requireState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';

const NO_ROUND_STATE_CHANGE = 'Adding applications';

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(TallyEntity) private readonly tallies: Repository<TallyEntity>,
    private readonly rounds: RoundsService,
    private readonly bans: BansService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly fonts: CertificateFontsService,
  ) {}

  /** One application; the first rule it breaks is the refusal (a ban: APPLICANT_BANNED with its end date). */
  async addOne(roundId: number, input: ApplicationInput, actor: AuditActor): Promise<ApplicationEntity> {
    const round = await this.openRound(roundId, actor);
    const normalised = { ...input, quantitativeScore: input.quantitativeScore ?? null };
    const [problem] = await this.problemsOf(normalised, round, await this.calendars.current());
    if (problem) throw new AppError(problem.code, problem.reason, { field: problem.field, ...problem.details });
    const [stored] = await this.store(round, [normalised], actor);
    return stored;
  }

  /**
   * The applications of a CSV file, all or none: every bad row is reported with its line,
   * column and reason (a banned applicant with the ban's end date), and then nothing is stored.
   */
  async importCsv(roundId: number, data: Buffer, actor: AuditActor): Promise<number> {
    const round = await this.openRound(roundId, actor);
    const { rows, problems } = readApplicationsCsv(data, round.level);
    const existing = new Set(
      (await this.applications.find({ select: { idNumber: true }, where: { roundId } })).map((a) => a.idNumber),
    );
    const lineOf = new Map<string, number>();
    const calendar = await this.calendars.current();
    for (const { line, input } of rows) {
      const toRow = (p: FieldProblem): CsvProblem => ({
        line,
        field: COLUMN_OF_FIELD[p.field] ?? p.field,
        code: p.code,
        reason: p.reason,
        details: p.details,
      });
      problems.push(...(await this.problemsOf(input, round, calendar)).map(toRow));
      const duplicate = lineOf.has(input.idNumber)
        ? `is already on line ${lineOf.get(input.idNumber)}`
        : existing.has(input.idNumber)
          ? 'has already applied to this round'
          : undefined;
      if (duplicate)
        problems.push({
          line,
          field: '身份证号',
          code: 'APPLICATION_DUPLICATE',
          reason: `${input.idNumber} ${duplicate}`,
        });
      lineOf.set(input.idNumber, lineOf.get(input.idNumber) ?? line);
    }
    if (problems.length > 0) throw csvRefusal(problems.sort((a, b) => a.line - b.line));
    const sourceSha256 = createHash('sha256').update(data).digest('hex');
    return (
      await this.store(
        round,
        rows.map((r) => r.input),
        actor,
        { sourceSha256 },
      )
    ).length;
  }

  async list(roundId: number): Promise<Array<{ application: ApplicationEntity; tally: TallyEntity | undefined }>> {
    await this.rounds.get(roundId);
    const applications = await this.applications.find({ where: { roundId }, order: { id: 'ASC' } });
    const tallies = new Map((await this.tallies.findBy({ roundId })).map((t) => [t.applicationId, t]));
    return applications.map((application) => ({ application, tally: tallies.get(application.id) }));
  }

  /**
   * 四.三.4 资格审查: checks every application again on the day (a ban may have been decided
   * since it was filed) and marks it eligible or not; only eligible applicants are voted on.
   */
  async checkEligibility(roundId: number, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', 'The eligibility check');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'APPLICATIONS_CLOSED', 'The eligibility check');
    const applications = await this.applications.find({ where: { roundId }, order: { id: 'ASC' } });
    const calendar = await this.calendars.current();
    const verdicts = await Promise.all(
      applications.map(async (a) => ({ id: a.id, problems: await this.problemsOf(inputOf(a), round, calendar) })),
    );
    const ineligible = verdicts.filter((v) => v.problems.length > 0);
    if (applications.length === ineligible.length)
      throw new AppError('NO_ELIGIBLE_APPLICANTS', 'No application in this round is eligible.');
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(ApplicationEntity);
      await repo.update({ roundId }, { eligible: true, ineligibleReason: null });
      for (const { id, problems } of ineligible)
        await repo.update(
          { id },
          {
            eligible: false,
            ineligibleReason: problems
              .map((p) => p.reason)
              .join(' ')
              .slice(0, 300),
          },
        );
      const details = { eligible: applications.length - ineligible.length, ineligible: ineligible.map((v) => v.id) };
      return this.rounds.advance(manager, round, 'ELIGIBILITY_CHECKED', actor, {}, details);
    });
  }

  private async openRound(roundId: number, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', NO_ROUND_STATE_CHANGE);
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'OPEN', NO_ROUND_STATE_CHANGE);
    return round;
  }

  /** An application's problems, filed or not; a ban of the round's year disqualifies it (四.四.3). */
  private async problemsOf(
    input: ApplicationInput,
    round: RoundEntity,
    calendar: HolidayCalendar,
  ): Promise<FieldProblem[]> {
    const today = this.rounds.today();
    const terms = {
      level: round.level,
      scoreThreshold: round.scoreThreshold === null ? null : Number(round.scoreThreshold),
    };
    const problems = applicationProblems(input, terms, today, calendar);
    problems.push(...this.printProblems(input, problems));
    if (problems.some((p) => p.field === 'idNumber')) return problems;
    // 四.四.3: barred applicants may not apply while the ban is in force, nor to a round of its years.
    const [ban] = await this.bans.barsOf([{ idNumber: input.idNumber, date: today }], round.year);
    if (ban) {
      problems.unshift({
        field: 'idNumber',
        code: 'APPLICANT_BANNED',
        reason: `The applicant is barred from applying until ${ban.until} (${ban.decisionDocument}; 四.四.3).`,
        details: { from: ban.from, until: ban.until, decisionDocument: ban.decisionDocument },
      });
    }
    return problems;
  }

  /** The name and employer go on the certificate: refused now if no font can draw them, not at issuance. */
  private printProblems(input: ApplicationInput, found: FieldProblem[]): FieldProblem[] {
    const unchecked = (['name', 'employer'] as const).filter((field) => !found.some((p) => p.field === field));
    const errors = this.fonts.unprintable(Object.fromEntries(unchecked.map((field) => [field, input[field]])));
    return errors.map(({ code, message, details }) => {
      const { field, ...characters } = details ?? {};
      return { field: String(field), code, reason: message, details: characters };
    });
  }

  private async store(
    round: RoundEntity,
    inputs: ApplicationInput[],
    actor: AuditActor,
    details: Record<string, unknown> = {},
  ): Promise<ApplicationEntity[]> {
    const createdAt = this.clock.now().toISOString();
    const rows = inputs.map((i) =>
      Object.assign(new ApplicationEntity(), {
        roundId: round.id,
        name: i.name,
        idNumber: i.idNumber,
        gender: genderOfIdNumber(i.idNumber),
        employer: i.employer,
        specialty: i.specialty,
        channel: i.channel,
        quantitativeScore: i.quantitativeScore === null ? null : String(i.quantitativeScore),
        pledge: i.pledge,
        publicityStart: i.employerPublicityStart,
        publicityEnd: i.employerPublicityEnd,
        departmentReviewed: i.departmentReviewed,
        intermediateRecommended: i.intermediateRecommended,
        eligible: null,
        ineligibleReason: null,
        withheld: false,
        certificateNo: null,
        createdAt,
      }),
    );
    try {
      await this.transactions.run(async (manager) => {
        await this.rounds.lockInState(manager, round.id, 'OPEN', NO_ROUND_STATE_CHANGE);
        for (let i = 0; i < rows.length; i += 200)
          await manager.getRepository(ApplicationEntity).insert(rows.slice(i, i + 200));
        await this.audit.append(manager, {
          ...actor,
          action: 'evaluation.applications.added',
          subject: roundSubject(round.id),
          details: { count: rows.length, ...details },
        });
      });
    } catch (error) {
      if (uniqueViolation(error))
        throw new AppError('APPLICATION_DUPLICATE', 'An applicant in this request has already applied to this round.');
      throw error;
    }
    return rows;
  }

  /** Applications of a round by id, to check a tally or an objection names them. */
  findByIds(roundId: number, ids: number[]): Promise<ApplicationEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.applications.findBy({ roundId, id: In(ids) });
  }
}

function inputOf(a: ApplicationEntity): ApplicationInput {
  return {
    name: a.name,
    idNumber: a.idNumber,
    employer: a.employer,
    specialty: a.specialty,
    channel: a.channel as ApplicationInput['channel'],
    quantitativeScore: a.quantitativeScore === null ? null : Number(a.quantitativeScore),
    pledge: a.pledge,
    employerPublicityStart: a.publicityStart,
    employerPublicityEnd: a.publicityEnd,
    departmentReviewed: a.departmentReviewed,
    intermediateRecommended: a.intermediateRecommended,
  };
}
