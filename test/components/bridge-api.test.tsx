/**
 * The adapter against the real @forge/bridge, with only the host's `__bridge` faked: this is the
 * boundary the Forge iframe (and the local runtime's host page) provides.
 */
import type { AppServices, AuditApi } from '../../static/app/src/api/audit-api';

type CallBridge = jest.Mock<Promise<unknown>, [string, unknown?]>;
const callBridge: CallBridge = jest.fn();
let createBridgeApi: () => AuditApi;
let createBridgeServices: () => AppServices;

beforeAll(async () => {
  // @forge/bridge reads the host's bridge when it is first imported.
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge };
  ({ createBridgeApi, createBridgeServices } = await import('../../static/app/src/api/bridge-api'));
});

beforeEach(() => callBridge.mockReset());

const invoked = () => callBridge.mock.calls.filter(([command]) => command === 'invoke').map(([, payload]) => payload);

describe('createBridgeApi', () => {
  it('sends each resolver its payload', async () => {
    callBridge.mockResolvedValue({});
    const api = createBridgeApi();
    await api.listChecklists();
    await api.getChecklist('aws-msp-4.1');
    await api.startImport('aws-msp-4.1');
    await api.getImport('job-1');
    await api.getRollup();
    await api.getRollup({ checklistId: 'ucs-23', refresh: true });
    expect(invoked()).toEqual([
      { functionKey: 'listChecklists', payload: undefined, metadata: undefined },
      { functionKey: 'getChecklist', payload: { id: 'aws-msp-4.1' }, metadata: undefined },
      { functionKey: 'startImport', payload: { checklistId: 'aws-msp-4.1' }, metadata: undefined },
      { functionKey: 'getImport', payload: { jobId: 'job-1' }, metadata: undefined },
      { functionKey: 'getRollup', payload: {}, metadata: undefined },
      { functionKey: 'getRollup', payload: { checklistId: 'ucs-23', refresh: true }, metadata: undefined },
    ]);
  });

  it('asks listProjectChecklists with an empty payload (the project comes from the context)', async () => {
    callBridge.mockResolvedValue([{ id: 'ucs-23', name: 'MSPAlliance UCS', version: 'v.23', last: true }]);
    await expect(createBridgeApi().listProjectChecklists?.()).resolves.toEqual([{ id: 'ucs-23', name: 'MSPAlliance UCS', version: 'v.23', last: true }]);
    expect(invoked()).toEqual([{ functionKey: 'listProjectChecklists', payload: {}, metadata: undefined }]);
  });

  it('reads "nothing imported yet" from an empty getRollup answer', async () => {
    callBridge.mockResolvedValueOnce(undefined).mockResolvedValueOnce(null);
    const api = createBridgeApi();
    await expect(api.getRollup()).resolves.toBeNull();
    await expect(api.getRollup()).resolves.toBeNull();
  });

  it('passes the resolver’s error on as the rejection', async () => {
    callBridge.mockRejectedValue(new Error('You need the Create issues permission in this project. Ask a Jira admin.'));
    await expect(createBridgeApi().startImport('aws-msp-4.1')).rejects.toThrow('You need the Create issues permission');
  });
});

describe('createBridgeServices', () => {
  it('opens Jira paths in a new tab through the host router, keeping the Audit page', async () => {
    callBridge.mockResolvedValue(undefined);
    await createBridgeServices().host.open('/browse/MSP-12');
    expect(callBridge).toHaveBeenCalledWith('navigate', { url: '/browse/MSP-12', type: 'new-tab' });
  });
});
