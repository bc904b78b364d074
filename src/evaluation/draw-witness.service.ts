import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { requireNotFuture } from '../common/formats';
import { toNfc } from '../common/text-input';
import { TransactionRunner } from '../database/transaction-runner';
import type { WitnessDto } from './dto/draw.dto';
import { RoundEntity } from './round.entity';
import { authorityOf } from './round-authorities';
import { requireState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';

/**
 * The draw's public witness (docs/evaluation.md, 五.二 supervision of the draw): a value the
 * committee office cannot know when it commits to its seed — a lottery's winning numbers
 * published afterwards — mixed into the draw's key, so the office cannot try seeds in advance
 * against the pool. Recorded once, by an officer of either authority.
 */
@Injectable()
export class DrawWitnessService {
  constructor(
    private readonly rounds: RoundsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async record(roundId: number, input: WitnessDto, actor: AuditActor): Promise<RoundEntity> {
    authorityOf(actor, 'The draw witness');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'ELIGIBILITY_CHECKED', 'The draw witness');
    if (!round.committedAt)
      throw new AppError('DRAW_NOT_COMMITTED', 'Record the commitment to a seed before its witness.');
    if (round.drawnAt)
      throw new AppError('DRAW_ALREADY_DONE', `The committee of round ${roundId} was drawn at ${round.drawnAt}.`);
    if (round.witnessValue)
      throw new AppError('DRAW_WITNESS_ALREADY_RECORDED', `Round ${roundId}'s witness is ${round.witnessValue}.`);
    requireNotFuture(input.publishedOn, this.rounds.today(), 'publishedOn');
    const committedOn = chinaDate(round.committedAt);
    // A value published before the commitment was known to the office when it chose its seed.
    if (input.publishedOn < committedOn)
      throw new AppError(
        'DRAW_WITNESS_BEFORE_COMMITMENT',
        `The witness was published on ${input.publishedOn}, before the commitment on ${committedOn}: it must be a value the office could not know.`,
        { publishedOn: input.publishedOn, committedOn },
      );
    const patch = {
      witnessValue: toNfc(input.value),
      witnessSource: toNfc(input.source).trim(),
      witnessPublishedOn: input.publishedOn,
      witnessRecordedAt: this.rounds.nowIso(),
    };
    await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, roundId, 'ELIGIBILITY_CHECKED', 'The draw witness');
      const result = await manager
        .getRepository(RoundEntity)
        .update({ id: roundId, witnessValue: IsNull(), drawnAt: IsNull() }, patch);
      if (result.affected !== 1)
        throw new AppError('DRAW_WITNESS_ALREADY_RECORDED', `Round ${roundId}'s witness is already recorded.`);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.draw.witnessed',
        subject: roundSubject(roundId),
        details: { value: patch.witnessValue, source: patch.witnessSource, publishedOn: input.publishedOn },
      });
    });
    return Object.assign(round, patch);
  }
}
