import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { readHashRange } from './log-hashes';
import { LogEntryEntity } from './log-entities';
import { TILE_HEIGHT, TILE_WIDTH, parseTilePath } from './tile-path';
import { TransparencyLogService } from './transparency-log.service';

export interface Tile {
  body: Buffer;
  /** A full tile never changes: cacheable forever. */
  full: boolean;
}

/** The log as C2SP tlog-tiles: hash tiles and entry bundles, read straight from the stored hashes. */
@Injectable()
export class LogTilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: TransparencyLogService,
  ) {}

  async tile(path: string): Promise<Tile> {
    const tile = parseTilePath(path);
    if (!tile)
      throw new AppError('LOG_PARAMETER_INVALID', `tile/${path} is not a tlog-tiles path (e.g. tile/0/x001/234.p/5).`);
    const { size } = await this.log.latestCheckpoint();
    const first = tile.index * TILE_WIDTH;
    // Nodes at the tile's tree level that the latest checkpoint covers.
    const available = tile.level === 'entries' ? size : Math.floor(size / TILE_WIDTH ** tile.level);
    if (first + tile.width > available)
      throw new AppError('LOG_TILE_NOT_FOUND', `The tree of size ${size} has no tile/${path}.`);
    const body =
      tile.level === 'entries'
        ? await this.bundle(first, tile.width)
        : await this.hashes(tile.level, first, tile.width);
    return { body, full: tile.width === TILE_WIDTH };
  }

  private async hashes(level: number, first: number, width: number): Promise<Buffer> {
    const rows = await readHashRange(this.dataSource.manager, level * TILE_HEIGHT, first, first + width);
    if (rows.length !== width)
      throw new Error(`stored hashes missing in tile at level ${level}, index ${first / TILE_WIDTH}`);
    return Buffer.concat(rows.map((row) => row.hash));
  }

  /** C2SP entry bundle: each entry as a big-endian uint16 length and its bytes. */
  private async bundle(first: number, width: number): Promise<Buffer> {
    const entries = await this.dataSource
      .getRepository(LogEntryEntity)
      .createQueryBuilder('e')
      .where('e.idx >= :first AND e.idx < :end', { first, end: first + width })
      .orderBy('e.idx', 'ASC')
      .getMany();
    const parts = entries.flatMap((entry) => {
      const bytes = Buffer.from(entry.leaf, 'utf8');
      const length = Buffer.alloc(2);
      length.writeUInt16BE(bytes.length);
      return [length, bytes];
    });
    return Buffer.concat(parts);
  }
}
