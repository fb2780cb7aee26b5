/**
 * The issue modules' API, against the real @forge/bridge with only the host's `__bridge` faked:
 * a change the server refuses with `conflict` is sent once more by itself.
 */
import type { EvidenceApi } from '../../static/app/src/api/evidence-api';

const answers: unknown[] = [];
const sent: string[] = [];
let createBridgeEvidenceApi: () => EvidenceApi;

beforeAll(async () => {
  // @forge/bridge reads the host's bridge when it is first imported.
  (globalThis as { __bridge?: unknown }).__bridge = {
    callBridge: async (command: string, payload?: { functionKey?: string }) => {
      if (command !== 'invoke') return undefined;
      sent.push(payload?.functionKey ?? '');
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  };
  ({ createBridgeEvidenceApi } = await import('../../static/app/src/api/evidence-api'));
});

beforeEach(() => {
  answers.length = 0;
  sent.length = 0;
});

const conflict = () => new Error('There was an error invoking the function - ConflictError: Someone else is saving a change to MSP-1 right now, so nothing was saved; try again.');

describe('createBridgeEvidenceApi', () => {
  it('sends a change once more after a conflict, and answers with the second result', async () => {
    answers.push(conflict(), { issueKey: 'MSP-1' });
    await expect(createBridgeEvidenceApi().addEvidence({ kind: 'link', title: 'Policy', url: 'https://x.example' })).resolves.toEqual({ issueKey: 'MSP-1' });
    expect(sent).toEqual(['addEvidence', 'addEvidence']);
  });

  it('shows a second conflict', async () => {
    answers.push(conflict(), conflict());
    await expect(createBridgeEvidenceApi().removeEvidence('ev-1')).rejects.toThrow(/nothing was saved; try again/);
    expect(sent).toEqual(['removeEvidence', 'removeEvidence']);
  });

  it('never retries another refusal', async () => {
    answers.push(new Error('There was an error invoking the function - AccessDeniedError: You need the Edit issues permission on MSP-1 to remove its evidence.'));
    await expect(createBridgeEvidenceApi().removeEvidence('ev-1')).rejects.toThrow(/Edit issues/);
    expect(sent).toEqual(['removeEvidence']);
  });
});
