import { render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { App } from '../../static/app/src/App';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';
import type { AppServices } from '../../static/app/src/api/audit-api';

const services = (): AppServices => ({ api: new FakeAuditApi(), host: { open: async () => undefined }, now: () => FROZEN_NOW });

describe('App', () => {
  it('renders the lazily loaded view of the module key it is given', async () => {
    const views = { 'audit-page': lazy(async () => ({ default: () => <p>audit view</p> })) };
    render(<App moduleKey="audit-page" services={services()} views={views} />);
    expect(await screen.findByText('audit view')).toBeInTheDocument();
  });

  it('routes audit-page to the Audit page', async () => {
    render(<App moduleKey="audit-page" services={services()} />);
    expect(await screen.findByRole('heading', { name: 'Audit readiness', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('No checklist imported yet')).toBeInTheDocument();
  });

  it('fails loudly, on screen and in the console, for an unknown module key', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<App moduleKey="evidence-field" services={services()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The app has no screen for module “evidence-field”.');
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('no view for module "evidence-field"'));
    consoleError.mockRestore();
  });

  it('routes a module key it does not know by the extension type, so a development deployment still opens its view', async () => {
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const byType = {
      'jira:projectPage': lazy(async () => ({ default: () => <p>audit view</p> })),
      'jira:customField': lazy(async () => ({ default: () => <p>field view</p> })),
    };
    const { unmount } = render(<App moduleKey="audit-page-dev" extensionType="jira:projectPage" services={services()} views={{}} viewsByType={byType} />);
    expect(await screen.findByText('audit view')).toBeInTheDocument();
    expect(consoleWarn).toHaveBeenCalledWith(expect.stringContaining('module key "audit-page-dev"'));
    unmount();
    render(<App moduleKey="x" extensionType="jira:customField" services={services()} views={{}} viewsByType={byType} />);
    expect(await screen.findByText('field view')).toBeInTheDocument();
    consoleWarn.mockRestore();
  });

  it('routes an unknown key of the project page type to the real Audit page', async () => {
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<App moduleKey="audit-page-development" extensionType="jira:projectPage" services={services()} />);
    expect(await screen.findByRole('heading', { name: 'Audit readiness', level: 1 })).toBeInTheDocument();
    consoleWarn.mockRestore();
  });

  it('still fails loudly when neither the key nor the type is known', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<App moduleKey="audit-unknown" extensionType="jira:globalPage" services={services()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The app has no screen for module “audit-unknown”.');
    consoleError.mockRestore();
  });

  it('does not treat inherited object keys as modules', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<App moduleKey="toString" services={services()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('module “toString”');
    consoleError.mockRestore();
  });

  it('shows a crash inside a view instead of a blank page', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new Error('Rollup has no chapters.');
    };
    render(<App moduleKey="audit-page" services={services()} views={{ 'audit-page': lazy(async () => ({ default: Broken })) }} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This page stopped workingRollup has no chapters. Reload the page to try again.');
    consoleError.mockRestore();
  });
});
