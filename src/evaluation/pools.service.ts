import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../database/transaction-runner';
import { isLevel, LEVELS, SPECIALTIES_BY_LEVEL, type Level } from '../common/qualifications';
import { csvRefusal } from './csv-table';
import { requireNotFuture, requireRealDate } from '../common/formats';
import { ExpertEntity, PoolEntity } from './expert.entity';
import { readPoolCsv } from './pool-csv';
import { requireAuthority } from './round-authorities';
import { isEligibleAt, isReviewOverdue, MIN_POOL_SIZE, TitleRank } from './pool-rules';

export interface PoolSummary {
  level: Level;
  reviewedOn: string | null;
  /** 三.二.2: not adjusted for over 3 years. */
  reviewOverdue: boolean;
  members: number;
  /** The date eligibility is counted at. */
  at: string;
  eligible: number;
  eligibleBySpecialty: Record<string, number>;
  eligibleExternal: number;
  chairCandidates: number;
  viceChairCandidates: number;
  /** At least 50 eligible members: a committee may be drawn. */
  drawable: boolean;
}

export function requireLevel(level: string): Level {
  if (!isLevel(level))
    throw new AppError('LEVEL_INVALID', `level must be one of ${LEVELS.join(', ')}.`, { field: 'level' });
  return level;
}

@Injectable()
export class PoolsService {
  constructor(
    @InjectRepository(ExpertEntity) private readonly experts: Repository<ExpertEntity>,
    @InjectRepository(PoolEntity) private readonly pools: Repository<PoolEntity>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Replaces a level's pool with the members of a CSV file (三.二.2 "动态管理"), recording the
   * review date; a file with any bad row changes nothing.
   */
  async importCsv(
    levelName: string,
    data: Buffer,
    reviewedOn: string | undefined,
    actor: AuditActor,
  ): Promise<PoolSummary> {
    requireAuthority(actor, 'amr', 'A pool import');
    const level = requireLevel(levelName);
    const today = chinaDate(this.clock.now());
    const reviewed = reviewedOn ?? today;
    requireNotFuture(reviewed, today, 'reviewedOn');
    const { experts, problems } = readPoolCsv(data, level, today);
    if (problems.length > 0) throw csvRefusal(problems);
    const sourceSha256 = createHash('sha256').update(data).digest('hex');
    const rows = experts.map((e) => ({
      level,
      code: e.code,
      name: e.name,
      affiliation: e.affiliation,
      external: e.external,
      specialty: e.specialty,
      titleRank: e.rank,
      titleSince: e.titleSince,
      outstanding: e.outstanding,
      chairCandidate: e.chairCandidate,
      viceChairCandidate: e.viceChairCandidate,
    }));
    await this.transactions.run(async (manager) => {
      await manager.getRepository(ExpertEntity).delete({ level });
      for (let i = 0; i < rows.length; i += 200)
        await manager.getRepository(ExpertEntity).insert(rows.slice(i, i + 200));
      await manager
        .getRepository(PoolEntity)
        .save({ level, reviewedOn: reviewed, importedAt: this.clock.now().toISOString(), sourceSha256 });
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.pool.imported',
        subject: `evaluation-pool:${level}`,
        details: { members: rows.length, reviewedOn: reviewed, sourceSha256 },
      });
    });
    return this.summary(level);
  }

  /** The members eligible on a date (三.二.2), by code. */
  async eligibleAt(level: Level, date: string): Promise<ExpertEntity[]> {
    const all = await this.experts.find({ where: { level }, order: { code: 'ASC' } });
    return all.filter((e) =>
      isEligibleAt(level, { rank: e.titleRank as TitleRank, since: e.titleSince, outstanding: e.outstanding }, date),
    );
  }

  async summary(levelName: string, at?: string): Promise<PoolSummary> {
    const level = requireLevel(levelName);
    const today = chinaDate(this.clock.now());
    const date = at ?? today;
    requireRealDate(date, 'at');
    const pool = await this.pools.findOneBy({ level });
    const eligible = await this.eligibleAt(level, date);
    const bySpecialty = Object.fromEntries(
      SPECIALTIES_BY_LEVEL[level].map((s) => [s, eligible.filter((e) => e.specialty === s).length]),
    );
    return {
      level,
      reviewedOn: pool?.reviewedOn ?? null,
      reviewOverdue: pool ? isReviewOverdue(pool.reviewedOn, today) : false,
      members: await this.experts.countBy({ level }),
      at: date,
      eligible: eligible.length,
      eligibleBySpecialty: bySpecialty,
      eligibleExternal: eligible.filter((e) => e.external).length,
      chairCandidates: eligible.filter((e) => e.chairCandidate).length,
      viceChairCandidates: eligible.filter((e) => e.viceChairCandidate).length,
      drawable: eligible.length >= MIN_POOL_SIZE,
    };
  }
}
