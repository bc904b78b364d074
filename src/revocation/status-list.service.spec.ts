import { FixedClock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import type { CertificatesService } from '../certificates/certificates.service';
import type { SigningService } from '../signing/signing.service';
import { StatusListClaims, statusAt } from '../signing/status-list';
import { StatusListService } from './status-list.service';

/** The registry read of a build waits until the test lets it go, to stage a race. */
function fakeRegistry() {
  let revoked: number[] = [];
  const gates: Array<() => void> = [];
  return {
    revoke: (index: number) => (revoked = [...revoked, index]),
    releaseAll: () => gates.splice(0).forEach((open) => open()),
    service: {
      revokedStatusIndices: async () => {
        const seen = revoked;
        await new Promise<void>((resolve) => gates.push(resolve));
        return seen;
      },
    } as unknown as CertificatesService,
  };
}

const signing = {
  signStatusList: (claims: StatusListClaims) => Promise.resolve({ payload: JSON.stringify(claims), signatures: [] }),
} as unknown as SigningService;
const config = { publicBaseUrl: 'https://zs.example.test' } as AppConfig;
const bitOf = async (jws: { payload: string }, index: number) =>
  statusAt((JSON.parse(jws.payload) as StatusListClaims).status_list.lst, index);

describe('StatusListService', () => {
  it('after a decision, never serves a build that read the registry before it', async () => {
    const registry = fakeRegistry();
    const list = new StatusListService(
      registry.service,
      signing,
      new FixedClock(new Date('2026-11-27T02:00:00Z')),
      config,
    );
    const staleRead = list.get(); // a reader's build reads the registry first…
    registry.revoke(4242); // …then a revocation commits…
    const afterDecision = list.regenerate(); // …and asks for a rebuild
    await new Promise((resolve) => setImmediate(resolve));
    registry.releaseAll();
    await staleRead;
    await new Promise((resolve) => setImmediate(resolve));
    registry.releaseAll();
    expect(await bitOf(await afterDecision, 4242)).toBe(1);
    expect(await bitOf(await list.get(), 4242)).toBe(1);
  });

  it('shares one build among readers of a stale list', async () => {
    const registry = fakeRegistry();
    const list = new StatusListService(
      registry.service,
      signing,
      new FixedClock(new Date('2026-11-27T02:00:00Z')),
      config,
    );
    const [a, b] = [list.get(), list.get()];
    await new Promise((resolve) => setImmediate(resolve));
    registry.releaseAll();
    expect(await a).toBe(await b);
  });
});
