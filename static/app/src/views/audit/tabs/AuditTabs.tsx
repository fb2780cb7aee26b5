/**
 * The Audit page's tabs (Atlaskit Tabs): one panel per part of the page, each mounted when first
 * opened (and kept, hidden, afterwards), so a tab's code and reads wait until someone opens it.
 * Props only: which tab is open comes from the address (useTabRoute), the panels from AuditPage.
 */
import { Suspense, type ReactNode } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { Loading } from '../../../components/Loading';
import { AUDIT_TABS, type AuditTabId } from './tab-routes';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export interface AuditTabsProps {
  selected: AuditTabId;
  onSelect: (tab: AuditTabId) => void;
  /** Each tab's content; a tab without content (a service the page lacks) is left out. */
  panels: Partial<Record<AuditTabId, ReactNode>>;
}

export function AuditTabs({ selected, onSelect, panels }: AuditTabsProps) {
  const t = useT(auditMessages);
  const tabs = AUDIT_TABS.filter((tab) => panels[tab.id] !== undefined && panels[tab.id] !== null && panels[tab.id] !== false);
  const index = Math.max(0, tabs.findIndex((tab) => tab.id === selected));
  return (
    <Tabs id="audit-tabs" selected={index} onChange={(next) => onSelect(tabs[next]?.id ?? 'overview')}>
      <TabList>
        {tabs.map((tab) => (
          <Tab key={tab.id} testId={`tab-${tab.id}`}>
            {t.tabs[tab.id]}
          </Tab>
        ))}
      </TabList>
      {tabs.map((tab) => (
        <TabPanel key={tab.id} testId={`panel-${tab.id}`}>
          <div style={{ width: '100%', paddingBlock: token('space.200', '16px') }}>
            <Suspense fallback={<Loading label={t.loadingTab(t.tabs[tab.id])} />}>{panels[tab.id]}</Suspense>
          </div>
        </TabPanel>
      ))}
    </Tabs>
  );
}
