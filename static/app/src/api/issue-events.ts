/**
 * "The evidence of issue X changed": one message between the app's frames on an issue page (the
 * item panel and the evidence field), so both show the same evidence without a reload. Over
 * Forge's `events` (emit/on reach every Custom UI frame of the same app on the page; wired in
 * bridge-api.ts, so this file stays free of the bridge and testable); the frames
 * then read the server's answer, so the message carries no data to trust, only which issue.
 */
export const EVIDENCE_CHANGED = 'msp-audit:evidence-changed';

export interface EvidenceChanged {
  issueKey: string;
  /** The frame that made the change, so it does not reload what it has just been answered. */
  from: string;
}

export interface IssueEvents {
  /** Tells the other frames that the evidence or assessment of `issueKey` changed. */
  evidenceChanged(issueKey: string): Promise<void>;
  /** Calls `listener` when another frame changed the evidence of an issue; returns the unsubscribe. */
  onEvidenceChanged(listener: (issueKey: string) => void): () => void;
}

export interface EventBus {
  emit(event: string, payload: EvidenceChanged): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => unknown): Promise<{ unsubscribe: () => void }>;
}

const isChanged = (payload: unknown): payload is EvidenceChanged =>
  typeof payload === 'object' && payload !== null && typeof (payload as EvidenceChanged).issueKey === 'string' && typeof (payload as EvidenceChanged).from === 'string';

/** Over a bus: Forge's `events` in the app, one in-memory bus joining two "frames" in tests. */
export function createIssueEvents(bus: EventBus, frame: string = Math.random().toString(36).slice(2)): IssueEvents {
  return {
    evidenceChanged: async (issueKey) => {
      await bus.emit(EVIDENCE_CHANGED, { issueKey, from: frame });
    },
    onEvidenceChanged: (listener) => {
      let stopped = false;
      let unsubscribe: (() => void) | undefined;
      bus
        .on(EVIDENCE_CHANGED, (payload) => {
          if (!stopped && isChanged(payload) && payload.from !== frame) listener(payload.issueKey);
        })
        .then((subscription) => {
          unsubscribe = () => subscription.unsubscribe();
          if (stopped) unsubscribe();
        })
        .catch((error: unknown) => console.warn('Evidence changes of other frames will not be shown without a reload', error));
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    },
  };
}

/** One in-memory bus, as Forge joins the frames of an app: for tests and the fakes. */
export function createMemoryBus(): EventBus {
  const listeners = new Map<string, Set<(payload: unknown) => unknown>>();
  return {
    emit: async (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) await Promise.resolve().then(() => listener(payload));
    },
    on: async (event, callback) => {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return { unsubscribe: () => void set.delete(callback) };
    },
  };
}
