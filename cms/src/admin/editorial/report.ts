import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** The editorial desk's report (`GET /newsroom/editorial`, cms/src/editorial/routes.ts). */
export interface Scheduled {
  type: string;
  documentId: string;
  locale: string;
  title: string;
  publishAtOffice: string;
  error?: string;
}

export interface SiteStatus {
  behindSince: string | null;
  behindSinceOffice: string | null;
  reasons: string[];
  liveBuild: { id: string; startedAt: string } | null;
}

export interface MailStatus {
  pending: number;
  oldestPendingAt: string | null;
  failed: Array<{ id: number; to: string; subject: string; attempts: number; last_error: string | null }>;
}

export interface Report {
  timeZone: string;
  site: SiteStatus;
  mail: MailStatus;
  scheduled: Scheduled[];
  overdue: Scheduled[];
  embargoed: Array<{
    type: string;
    documentId: string;
    locale: string;
    title: string;
    embargoUntilOffice: string;
    published: boolean;
  }>;
  translations: {
    items: Array<{ type: string; documentId: string; title: string; locales: Record<string, string> }>;
    missing: Record<string, number>;
    outdated: Record<string, number>;
  };
}

/** The report, fetched once when the page or widget opens. */
export function useEditorialReport() {
  const { get } = useFetchClient();
  const [report, setReport] = React.useState<Report | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get<Report>('/newsroom/editorial')
      .then((r) => setReport(r.data))
      .catch((e: Error) => setError(e.message));
  }, [get]);
  return { report, error };
}
