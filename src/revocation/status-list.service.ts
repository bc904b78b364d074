import { Inject, Injectable } from '@nestjs/common';
import { CertificatesService } from '../certificates/certificates.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { STATUS_LIST_CAPACITY } from '../signing/credential-format';
import type { GeneralJws } from '../signing/credential-signer';
import { SigningService } from '../signing/signing.service';
import { encodeStatusBits, StatusListClaims } from '../signing/status-list';

/** Verifiers may cache the list this long; the HTTP Cache-Control says the same. */
export const STATUS_LIST_TTL_SECONDS = 300;
export const STATUS_LIST_PATH = '/api/v1/status-lists/1';

/**
 * The one status list of all certificates, signed by both authorities. Rebuilt after every
 * confirmed revocation or reinstatement, and whenever the cached copy is older than its ttl
 * (so a second server process catches up too).
 */
@Injectable()
export class StatusListService {
  private current?: { jws: GeneralJws; builtAt: number };
  private building?: Promise<GeneralJws>;

  constructor(
    private readonly certificates: CertificatesService,
    private readonly signing: SigningService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<GeneralJws> {
    const fresh = this.current && this.clock.now().getTime() - this.current.builtAt < STATUS_LIST_TTL_SECONDS * 1000;
    if (fresh && this.current) return this.current.jws;
    // A stale copy is rebuilt once for all waiting readers.
    return this.building ?? this.regenerate();
  }

  /**
   * Rebuilds from the registry. Called after a decision commits, it must not reuse a build
   * that may have read the registry before the commit: it always starts a new one, after
   * whichever is running.
   */
  regenerate(): Promise<GeneralJws> {
    const next: Promise<GeneralJws> = (this.building ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.build());
    this.building = next;
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.building === next) this.building = undefined;
      });
    return next;
  }

  private async build(): Promise<GeneralJws> {
    const now = this.clock.now();
    const bits = new Uint8Array(STATUS_LIST_CAPACITY / 8);
    for (const index of await this.certificates.revokedStatusIndices()) bits[index >> 3] |= 1 << (index & 7);
    const iat = Math.floor(now.getTime() / 1000);
    const claims: StatusListClaims = {
      sub: `${this.config.publicBaseUrl}${STATUS_LIST_PATH}`,
      iat,
      exp: iat + 24 * 3600,
      ttl: STATUS_LIST_TTL_SECONDS,
      status_list: { bits: 1, lst: await encodeStatusBits(bits) },
    };
    const jws = await this.signing.signStatusList(claims);
    this.current = { jws, builtAt: now.getTime() };
    return jws;
  }
}
