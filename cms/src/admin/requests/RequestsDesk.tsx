import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

/** The requests desk: the public's submissions with their legal clocks, and the steps of the process (cms/src/requests). */

type Clock = 'running' | 'due-today' | 'overdue' | 'answered-in-time' | 'answered-late';
interface Row {
  kind: string;
  entry: Record<string, any>;
  dueAt: string;
  clock: Clock;
  actions: string[];
}
interface Detail extends Row {
  history: Array<{ action: string; from: string; to: string; actor: string; reason: string | null; at: string }>;
  attachments: Array<{ id: number; name: string; mime: string; size: number }>;
  needs: Record<string, string[]>;
  canUpdate: boolean;
}
interface Listing {
  kinds: string[];
  officers: Array<{ email: string; name: string }>;
  rows: Row[];
}

const KIND: Record<string, string> = { documentRequest: 'Request for documents', mediaInquiry: 'Journalist’s question', officeMessage: 'Message to the office' };
const CLOCK: Record<Clock, { label: string; tone: 'success' | 'secondary' | 'warning' | 'danger' | 'neutral' }> = {
  running: { label: 'Running', tone: 'secondary' },
  'due-today': { label: 'Due today', tone: 'warning' },
  overdue: { label: 'Overdue: counts as a refusal', tone: 'danger' },
  'answered-in-time': { label: 'Answered in time', tone: 'success' },
  'answered-late': { label: 'Answered late', tone: 'warning' },
};
const STATES = ['received', 'clarification-requested', 'in-progress', 'extended', 'granted', 'partly-granted', 'refused', 'not-held', 'referred', 'complaint', 'answered'];
const ACTION: Record<string, string> = {
  start: 'Start work', 'mark-urgent': 'Life or liberty: 48 hours', 'ask-clarification': 'Ask the requester to clarify', clarified: 'The requester clarified',
  extend: 'Extend the period (once)', grant: 'Grant access', 'partly-grant': 'Grant in part', refuse: 'Refuse', 'not-held': 'Document not held',
  refer: 'Refer to the institution that holds it', complaint: 'Record a complaint to the Agency', answer: 'Send the answer',
};
const NEED: Record<string, string> = {
  answer: 'Answer to the requester (sent by e-mail in their language)', reason: 'Reason (told to the requester)', legalGround: 'Legal ground (article of the law)',
  extensionDays: 'Days of extension (1–15)', referredTo: 'Institution it is referred to',
};
const PROBLEM: Record<string, string> = {
  required: 'Please fill this in.', 'not-allowed': 'This step is not open from the request’s present state.', 'out-of-range': 'Give a whole number of days from 1 to 15.',
  once: 'The period has already been extended once; the law allows no second extension.', 'not-an-officer': 'Choose someone who answers requests.', 'not-found': 'This request no longer exists.',
};
const officeTime = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Belgrade', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const summary = (e: Record<string, any>) => String(e.description ?? e.question ?? e.subject ?? '').slice(0, 90);

function Select({ label, value, options, onChange }: { label: string; value: string; options: Array<[string, string]>; onChange: (v: string) => void }) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Typography variant="pi" fontWeight="bold">{label}</Typography>
      <select value={value} onChange={(e) => onChange(e.target.value)} style={{ padding: 6 }}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
}

function StepForm({ detail, onDone }: { detail: Detail; onDone: () => void }) {
  const { post } = useFetchClient();
  const [action, setAction] = React.useState(detail.actions[0] ?? '');
  const [input, setInput] = React.useState<Record<string, string>>({});
  const [problems, setProblems] = React.useState<Record<string, string>>({});
  if (!detail.canUpdate || detail.actions.length === 0) return null;
  const submit = async () => {
    // Every answer comes back (validateStatus): a refused step names its problems by field.
    const res = await post(`/newsroom/requests/${detail.kind}/${detail.entry.documentId}/steps`, { action, ...input, extensionDays: input.extensionDays ? Number(input.extensionDays) : undefined }, { validateStatus: () => true })
      .catch(() => ({ data: { problems: { form: 'The step could not be saved. Please try again.' } } }));
    const refused = (res.data as { problems?: Record<string, string> }).problems;
    if (refused) return setProblems(refused);
    setProblems({});
    setInput({});
    onDone();
  };
  return (
    <Box paddingTop={4}>
      <Typography variant="delta" tag="h3">Next step</Typography>
      <Flex direction="column" alignItems="stretch" gap={3} paddingTop={2}>
        <Select label="Step" value={action} options={detail.actions.map((a) => [a, ACTION[a] ?? a])} onChange={(v) => { setAction(v); setProblems({}); }} />
        {problems.action && <Typography textColor="danger600" role="alert">{PROBLEM[problems.action] ?? problems.action}</Typography>}
        {(detail.needs[action] ?? []).map((need) => (
          <label key={need} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <Typography variant="pi" fontWeight="bold">{NEED[need] ?? need}</Typography>
            {need === 'extensionDays'
              ? <input type="number" min={1} max={15} value={input[need] ?? ''} onChange={(e) => setInput({ ...input, [need]: e.target.value })} />
              : <textarea rows={need === 'answer' ? 6 : 3} value={input[need] ?? ''} onChange={(e) => setInput({ ...input, [need]: e.target.value })} />}
            {problems[need] && <Typography textColor="danger600" role="alert">{PROBLEM[problems[need]] ?? problems[need]}</Typography>}
          </label>
        ))}
        {problems.form && <Typography textColor="danger600" role="alert">{PROBLEM[problems.form] ?? problems.form}</Typography>}
        <Box><Button onClick={submit}>{ACTION[action] ?? action}</Button></Box>
      </Flex>
    </Box>
  );
}

function DetailPanel({ detail, officers, onChange }: { detail: Detail; officers: Listing['officers']; onChange: () => void }) {
  const { get, post } = useFetchClient();
  const e = detail.entry;
  const download = async (id: number, name: string) => {
    const { data } = await get(`/newsroom/requests/${detail.kind}/${e.documentId}/attachments/${id}`, { responseType: 'blob' });
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(data as Blob), download: name });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const assign = async (assignee: string) => {
    await post(`/newsroom/requests/${detail.kind}/${e.documentId}/assignee`, { assignee });
    onChange();
  };
  const fields = ['name', 'email', 'phone', 'outlet', 'address', 'subject', 'description', 'question', 'message', 'deadline', 'preferredFormat', 'language', 'answer', 'reason', 'legalGround', 'referredTo'].filter((f) => e[f]);
  return (
    <Box padding={6} marginTop={6} background="neutral0" shadow="tableShadow" hasRadius>
      <Typography variant="beta" tag="h2">{e.reference}: {KIND[detail.kind]}</Typography>
      <Flex gap={2} paddingTop={2}>
        <Badge>{e.status}</Badge>
        <Badge textColor={`${CLOCK[detail.clock].tone}700`} backgroundColor={`${CLOCK[detail.clock].tone}100`}>{CLOCK[detail.clock].label}</Badge>
        <Typography>Due {officeTime(detail.dueAt)} (office time){e.urgent ? ', life or liberty' : ''}</Typography>
      </Flex>
      <dl>
        {fields.map((f) => <React.Fragment key={f}><dt><Typography variant="pi" fontWeight="bold">{f}</Typography></dt><dd><Typography style={{ whiteSpace: 'pre-wrap' }}>{String(e[f])}</Typography></dd></React.Fragment>)}
      </dl>
      {detail.attachments.length > 0 && (
        <Box paddingTop={2}>
          <Typography variant="delta" tag="h3">Attached by the sender</Typography>
          {detail.attachments.map((a) => <Box key={a.id}><Button variant="tertiary" onClick={() => download(a.id, a.name)}>{a.name} ({Math.ceil(a.size / 1024)} KB)</Button></Box>)}
        </Box>
      )}
      {detail.canUpdate && (
        <Box paddingTop={4} style={{ maxWidth: 320 }}>
          <Select label="Assigned to" value={e.assignee ?? ''} options={[['', 'Nobody'], ...officers.map((o): [string, string] => [o.email, o.name])]} onChange={assign} />
        </Box>
      )}
      <StepForm key={`${e.documentId}:${e.status}`} detail={detail} onDone={onChange} />
      <Box paddingTop={6}>
        <Typography variant="delta" tag="h3">History</Typography>
        <ol>
          {detail.history.map((h, i) => <li key={i}><Typography>{officeTime(h.at)}: {ACTION[h.action] ?? h.action} ({h.from} → {h.to}) by {h.actor}{h.reason ? `: ${h.reason}` : ''}</Typography></li>)}
        </ol>
      </Box>
    </Box>
  );
}

export default function RequestsDesk() {
  const { get } = useFetchClient();
  const [filters, setFilters] = React.useState({ kind: '', status: '', assignee: '', clock: '' });
  const [listing, setListing] = React.useState<Listing | null>(null);
  const [detail, setDetail] = React.useState<Detail | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
    try {
      setListing((await get(`/newsroom/requests?${query}`)).data as Listing);
      setError(null);
    } catch (e) {
      setError(`The desk could not be loaded: ${(e as Error).message}`);
    }
  }, [get, filters]);
  const open = React.useCallback(async (kind: string, documentId: string) => setDetail((await get(`/newsroom/requests/${kind}/${documentId}`)).data as Detail), [get]);
  React.useEffect(() => void load(), [load]);
  const refresh = async () => {
    await load();
    if (detail) await open(detail.kind, detail.entry.documentId);
  };

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">Requests desk</Typography>
        <Box paddingTop={2} paddingBottom={4}><Typography textColor="neutral600">Requests for documents, journalists’ questions and messages to the office, with their legal deadlines in office time.</Typography></Box>
        {error && <Typography textColor="danger600" role="alert">{error}</Typography>}
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          <Select label="Kind" value={filters.kind} options={[['', 'All'], ...(listing?.kinds ?? []).map((k): [string, string] => [k, KIND[k] ?? k])]} onChange={(kind) => setFilters({ ...filters, kind })} />
          <Select label="State" value={filters.status} options={[['', 'All'], ...STATES.map((s): [string, string] => [s, s])]} onChange={(status) => setFilters({ ...filters, status })} />
          <Select label="Assigned to" value={filters.assignee} options={[['', 'Anyone'], ['-', 'Nobody'], ...(listing?.officers ?? []).map((o): [string, string] => [o.email, o.name])]} onChange={(assignee) => setFilters({ ...filters, assignee })} />
          <Select label="Clock" value={filters.clock} options={[['', 'All'], ...Object.entries(CLOCK).map(([c, { label }]): [string, string] => [c, label])]} onChange={(clock) => setFilters({ ...filters, clock })} />
        </Flex>
        {listing && listing.rows.length === 0 && <Typography textColor="neutral600">Nothing here.</Typography>}
        {listing && listing.rows.length > 0 && (
          <Table colCount={6} rowCount={listing.rows.length + 1}>
            <Thead><Tr>{['Reference', 'Kind', 'State', 'Clock', 'Due (office time)', 'Assigned to'].map((c) => <Th key={c}><Typography variant="sigma">{c}</Typography></Th>)}</Tr></Thead>
            <Tbody>
              {listing.rows.map((r) => (
                <Tr key={r.entry.documentId} data-clock={r.clock}>
                  <Td><Button variant="tertiary" onClick={() => open(r.kind, r.entry.documentId)}>{r.entry.reference}</Button> <Typography textColor="neutral600">{summary(r.entry)}</Typography></Td>
                  <Td><Typography>{KIND[r.kind]}</Typography></Td>
                  <Td><Badge>{r.entry.status}</Badge></Td>
                  <Td><Badge textColor={`${CLOCK[r.clock].tone}700`} backgroundColor={`${CLOCK[r.clock].tone}100`}>{CLOCK[r.clock].label}</Badge></Td>
                  <Td><Typography>{officeTime(r.dueAt)}</Typography></Td>
                  <Td><Typography>{r.entry.assignee ?? '—'}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {detail && <DetailPanel detail={detail} officers={listing?.officers ?? []} onChange={refresh} />}
      </Box>
    </Main>
  );
}
