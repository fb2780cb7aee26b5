/** React context carrying AppServices, so views take their adapters from one place. */
import { createContext, useContext, type ReactNode } from 'react';
import type { AppServices } from './audit-api';

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  // A missing provider is a wiring bug, not a runtime condition: say where to fix it.
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above it (see main.tsx).');
  return services;
}
