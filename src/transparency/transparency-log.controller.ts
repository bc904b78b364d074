import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppError } from '../common/app-error';
import { canonicalInteger, MAX_ID } from '../common/id-param.pipe';
import { CERTIFICATE_NO_PATTERN } from '../common/qualifications';
import { PublicRateLimit, RegistryCors } from '../common/route-rules';
import { LOG_ORIGIN } from './checkpoint';
import { LogTilesService } from './log-tiles.service';
import { MAX_ENTRIES_PAGE, TransparencyLogService } from './transparency-log.service';

/**
 * A decimal integer query parameter from 0 to MAX_ID (the log's indices and sizes are 32-bit
 * integers in the database; a larger one names nothing), or LOG_PARAMETER_INVALID naming it.
 */
function count(value: string | undefined, field: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = canonicalInteger(value);
  if (n === undefined)
    throw new AppError('LOG_PARAMETER_INVALID', `${field} must be a whole number from 0 to ${MAX_ID}.`, { field });
  return n;
}

/** The log's JSON API: checkpoint, proofs, entries and the verifier keys; public, CORS-open. */
@ApiTags('public')
@Controller('api/v1/transparency-log')
export class TransparencyLogController {
  constructor(private readonly log: TransparencyLogService) {}

  @Get('checkpoint')
  @PublicRateLimit('lookup')
  @RegistryCors()
  @Header('Cache-Control', 'public, max-age=10')
  @ApiOperation({ summary: 'The latest checkpoint co-signed by both authorities (or ?treeSize=N: the one kept for N)' })
  @ApiQuery({ name: 'treeSize', required: false })
  checkpoint(@Query('treeSize') treeSize?: string) {
    return treeSize === undefined ? this.log.latestCheckpoint() : this.log.checkpointAt(count(treeSize, 'treeSize'));
  }

  @Get('keys')
  @PublicRateLimit('lookup')
  @RegistryCors()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Each authority’s note verifier key (name+keyID+base64(0x02||SPKI)); pin both' })
  keys() {
    return { origin: LOG_ORIGIN, keys: this.log.verifierKeys() };
  }

  @Get('inclusion/:certificateNo')
  @PublicRateLimit('lookup')
  @RegistryCors()
  @Header('Cache-Control', 'public, max-age=10')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of a certificate’s issuance entry (?treeSize=N: in that tree)' })
  @ApiQuery({ name: 'treeSize', required: false })
  inclusion(@Param('certificateNo') certificateNo: string, @Query('treeSize') treeSize?: string) {
    if (!CERTIFICATE_NO_PATTERN.test(certificateNo))
      throw new AppError('LOG_PARAMETER_INVALID', 'certificateNo is e.g. ZJZ2026000001.', { field: 'certificateNo' });
    return this.log.inclusionForCertificate(
      certificateNo,
      treeSize === undefined ? undefined : count(treeSize, 'treeSize'),
    );
  }

  @Get('consistency')
  @PublicRateLimit('lookup')
  @RegistryCors()
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  @ApiOperation({ summary: 'RFC 9162 consistency proof from tree size ?from= to ?to=' })
  consistency(@Query('from') from?: string, @Query('to') to?: string) {
    return this.log.consistency(count(from, 'from'), count(to, 'to'));
  }

  @Get('entries')
  @PublicRateLimit('lookup')
  @RegistryCors()
  @Header('Cache-Control', 'public, max-age=10')
  @ApiOperation({
    summary: `Entries from ?start= (default 0), at most ?limit= (default and maximum ${MAX_ENTRIES_PAGE})`,
  })
  async entries(@Query('start') start?: string, @Query('limit') limit?: string) {
    const page = count(limit, 'limit', MAX_ENTRIES_PAGE);
    if (page < 1 || page > MAX_ENTRIES_PAGE)
      throw new AppError('LOG_PARAMETER_INVALID', `limit is 1 to ${MAX_ENTRIES_PAGE}.`, { field: 'limit' });
    const rows = await this.log.entries(count(start, 'start', 0), page);
    return rows.map(({ index, kind, certificateNo, leaf }) => ({ index, kind, certificateNo, leaf }));
  }
}

/**
 * The same log for monitors and mirrors as C2SP tlog-tiles under the prefix `/log/`: the
 * checkpoint as text, full tiles immutable (a CDN keeps them forever), partial ones briefly.
 */
@ApiTags('public')
@Controller('log')
export class LogTilesController {
  constructor(
    private readonly log: TransparencyLogService,
    private readonly tiles: LogTilesService,
  ) {}

  @Get('checkpoint')
  @RegistryCors()
  @Header('Cache-Control', 'public, max-age=10')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The latest checkpoint, as the C2SP signed note' })
  async checkpoint(): Promise<string> {
    return (await this.log.latestCheckpoint()).note;
  }

  @Get('tile/*')
  @RegistryCors()
  @ApiOperation({
    summary: 'A C2SP tlog-tiles hash tile (tile/<L>/<N>[.p/<W>]) or entry bundle (tile/entries/<N>[.p/<W>])',
  })
  async tile(@Param('*') path: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const tile = await this.tiles.tile(path);
    void reply.header('Content-Type', 'application/octet-stream');
    void reply.header('Cache-Control', tile.full ? 'public, max-age=31536000, immutable' : 'public, max-age=10');
    return tile.body;
  }
}
