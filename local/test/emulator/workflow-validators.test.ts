import type { JiraEmulatorApi } from '../../jira';
import { DEFAULT_VALIDATOR_MESSAGE, parseValidatorSpec, type ValidatorArgument } from '../../jira/workflow-validators';
import { caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
let key: string;
beforeEach(async () => {
  emu = makeEmulator();
  call = caller(emu);
  key = (await call('POST', '/issue', issuePayload())).json.key as string;
});

const toDone = () => call('POST', `/issue/${key}/transitions`, { transition: { id: '31' }, fields: { labels: ['x'] } });

describe('workflow validators on transitions', () => {
  it('runs the validator with Forge\'s argument and refuses as Jira does when it answers false', async () => {
    const seen: ValidatorArgument[] = [];
    emu.setValidatorRunner(async (_moduleKey, argument) => {
      seen.push(argument);
      return { result: false, errorMessage: 'Not yet.' };
    });
    emu.addWorkflowValidator({ transitionId: '31', moduleKey: 'gate', configuration: { scope: 'all' } });
    const res = await toDone();
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: ['Not yet.'], errors: {} });
    expect(seen).toEqual([{ issue: { key }, configuration: { scope: 'all' }, transition: { from: { id: '10000' }, to: { id: '10001' }, modifiedFields: { labels: ['x'] } } }]);
    expect((await call('GET', `/issue/${key}`)).json).toMatchObject({ fields: { status: { name: 'To Do' } } });
  });

  it('refuses with Jira\'s default message when the validator cannot run, and lets other transitions through', async () => {
    emu.addWorkflowValidator({ transitionId: '31', moduleKey: 'gate' });
    expect((await toDone()).body).toEqual({ errorMessages: [DEFAULT_VALIDATOR_MESSAGE], errors: {} });
    emu.setValidatorRunner(() => Promise.reject(new Error('boom')));
    expect((await toDone()).status).toBe(400);
    expect((await call('POST', `/issue/${key}/transitions`, { transition: { id: '21' } })).status).toBe(204);
    emu.clearWorkflowValidators();
    expect((await toDone()).status).toBe(204);
  });

  it('reset clears the validators', async () => {
    emu.addWorkflowValidator({ transitionId: '31', moduleKey: 'gate' });
    emu.reset();
    expect(emu.workflowValidators()).toEqual([]);
  });

  it.each([
    [{}, 'Send {"transitionId"'],
    [{ transitionId: '99', moduleKey: 'gate' }, 'There is no transition 99'],
  ])('refuses the admin spec %j', (body, says) => {
    expect(() => parseValidatorSpec(body)).toThrow(says);
  });
});

describe('GET /status/{idOrName}', () => {
  it('answers a status by id or name with its category, 404 for an unknown one', async () => {
    expect((await call('GET', '/status/10001')).json).toMatchObject({ id: '10001', name: 'Done', statusCategory: { key: 'done' } });
    expect((await call('GET', '/status/in progress')).json).toMatchObject({ id: '3', statusCategory: { key: 'indeterminate' } });
    const missing = await call('GET', '/status/777');
    expect(missing.status).toBe(404);
  });
});
