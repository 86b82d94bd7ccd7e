import { describe, expect, it } from 'vitest';
import { wallTimeToInstant } from '@newsroom/shared-types';
import { ACTIONS, actionsFor, isAction, step, type Case } from './process';
import { decisionDue } from './deadlines';

// Tuesday 3 November 2026, 10:00 office time.
const registeredAt = wallTimeToInstant('2026-11-03T10:00');
const request = (over: Partial<Case> = {}): Case => ({
  kind: 'documentRequest',
  status: 'received',
  registeredAt,
  dueAt: decisionDue({ registeredAt }),
  ...over,
});
const at = (wall: string) => wallTimeToInstant(wall);

describe('the legal process of a request for documents', () => {
  it('offers the office only the steps the law allows from each state', () => {
    const now = at('2026-11-04T09:00');
    expect(actionsFor(request(), now)).toEqual([
      'start',
      'mark-urgent',
      'ask-clarification',
      'extend',
      'grant',
      'partly-grant',
      'refuse',
      'not-held',
      'refer',
    ]);
    expect(actionsFor(request({ status: 'clarification-requested' }), now)).toEqual(['clarified']);
    expect(actionsFor(request({ status: 'in-progress', extensionDays: 10 }), now)).not.toContain('extend');
    expect(actionsFor(request({ status: 'refused' }), now)).toEqual(['complaint']);
    expect(actionsFor(request({ status: 'granted' }), now)).toEqual([]);
    expect(actionsFor(request({ kind: 'mediaInquiry' }), now)).toEqual(['start', 'answer']);
  });

  it('refuses a step from a state it does not start from', () => {
    expect(step('grant', request({ status: 'granted' }), { answer: 'x' }, at('2026-11-04T09:00'))).toEqual({
      ok: false,
      problems: { action: 'not-allowed' },
    });
    expect(step('answer', request(), { answer: 'x' }, at('2026-11-04T09:00'))).toEqual({
      ok: false,
      problems: { action: 'not-allowed' },
    });
  });

  it('needs a reasoned decision naming the legal ground for a refusal', () => {
    expect(step('refuse', request(), { answer: ' ' }, at('2026-11-04T09:00'))).toEqual({
      ok: false,
      problems: { answer: 'required', reason: 'required', legalGround: 'required' },
    });
    const done = step(
      'refuse',
      request(),
      { answer: 'No.', reason: 'Protects an ongoing inspection.', legalGround: 'Article 17(1.4)' },
      at('2026-11-04T09:00'),
    );
    expect(done).toMatchObject({
      ok: true,
      status: 'refused',
      letter: 'refused',
      changes: { legalGround: 'Article 17(1.4)', answeredInTime: true },
    });
  });

  it('extends once, by 1 to 15 days, with a reason, and moves the deadline', () => {
    expect(step('extend', request(), { reason: 'Volume', extensionDays: 16 }, at('2026-11-04T09:00'))).toEqual({
      ok: false,
      problems: { extensionDays: 'out-of-range' },
    });
    expect(step('extend', request(), { extensionDays: 5 }, at('2026-11-04T09:00'))).toEqual({
      ok: false,
      problems: { reason: 'required' },
    });
    const extended = step('extend', request(), { reason: 'Volume', extensionDays: 15 }, at('2026-11-04T09:00'));
    // 3 Nov + 7 + 15 = 25 Nov (a Wednesday), to its midnight.
    expect(extended).toMatchObject({
      ok: true,
      status: 'extended',
      changes: { extensionDays: 15, dueAt: new Date(at('2026-11-26T00:00').getTime() - 1) },
    });
    expect(
      step(
        'extend',
        request({ status: 'in-progress', extensionDays: 15 }),
        { reason: 'Again', extensionDays: 3 },
        at('2026-11-05T09:00'),
      ),
    ).toEqual({ ok: false, problems: { action: 'once' } });
  });

  it("runs the period again from the requester's clarification", () => {
    const clarified = step('clarified', request({ status: 'clarification-requested' }), {}, at('2026-11-12T15:00'));
    // 12 Nov + 7 = 19 Nov.
    expect(clarified).toMatchObject({
      ok: true,
      status: 'in-progress',
      changes: { clarifiedAt: at('2026-11-12T15:00'), dueAt: new Date(at('2026-11-20T00:00').getTime() - 1) },
    });
  });

  it('makes a request about life or liberty due 48 hours after it was registered', () => {
    const urgent = step('mark-urgent', request(), { reason: 'Detention' }, at('2026-11-03T11:00'));
    expect(urgent).toMatchObject({
      ok: true,
      status: 'received',
      changes: { urgent: true, dueAt: at('2026-11-05T10:00') },
    });
  });

  it('judges a referral against the 5 working days, not the 7 days of a decision', () => {
    // Registered on a Tuesday: 5 working days end on Tuesday 10 November.
    expect(step('refer', request(), { referredTo: 'Ministry of Finance' }, at('2026-11-10T16:00'))).toMatchObject({
      ok: true,
      changes: { answeredInTime: true },
    });
    expect(step('refer', request(), { referredTo: 'Ministry of Finance' }, at('2026-11-11T09:00'))).toMatchObject({
      ok: true,
      changes: { answeredInTime: false },
    });
  });

  it('records an answer after the deadline as late', () => {
    expect(step('grant', request(), { answer: 'Attached.' }, at('2026-11-11T09:00'))).toMatchObject({
      ok: true,
      changes: { answeredInTime: false },
    });
  });

  it('takes a complaint to the Agency after a refusal, or after silence past the deadline, not before', () => {
    expect(
      step('complaint', request({ status: 'in-progress' }), { reason: 'Complaint filed' }, at('2026-11-05T09:00')),
    ).toEqual({ ok: false, problems: { action: 'not-allowed' } });
    expect(
      step('complaint', request({ status: 'in-progress' }), { reason: 'Deemed refusal' }, at('2026-11-12T09:00')),
    ).toMatchObject({ ok: true, status: 'complaint' });
    expect(
      step('complaint', request({ status: 'refused' }), { reason: 'Complaint filed' }, at('2026-11-05T09:00')),
    ).toMatchObject({ ok: true, status: 'complaint', letter: null });
  });
});

describe('the action an officer asks for', () => {
  it('is one of the process, spelled exactly as it is', () => {
    for (const action of Object.keys(ACTIONS)) expect(isAction(action), action).toBe(true);
    // What an object has from its prototype, other cases and spellings, and what a parser makes of a repeated field.
    for (const other of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'GRANT',
      'Grant',
      ' grant',
      'grant ',
      'gr%61nt',
      'grant/',
      '',
      null,
      undefined,
      1,
      ['grant'],
      { grant: true },
    ])
      expect(isAction(other), JSON.stringify(other)).toBe(false);
  });
});

describe('an application for accreditation', () => {
  const application = (over: Partial<Case> = {}) => request({ kind: 'accreditation', ...over });
  const now = at('2026-11-04T09:00');

  it('is decided, asked about, or refused; an accreditation is suspended, reinstated or revoked', () => {
    expect(actionsFor(application(), now)).toEqual(['start', 'ask-more', 'approve', 'decline']);
    expect(actionsFor(application({ status: 'more-info-requested' }), now)).toEqual([
      'more-given',
      'approve',
      'decline',
    ]);
    expect(actionsFor(application({ status: 'approved' }), now)).toEqual(['suspend', 'revoke']);
    expect(actionsFor(application({ status: 'suspended' }), now)).toEqual(['reinstate', 'revoke']);
    for (const status of ['refused', 'revoked', 'lapsed']) expect(actionsFor(application({ status }), now)).toEqual([]);
  });

  it('is accredited with a type and a last valid day from today to a year ahead, and answered then', () => {
    expect(step('approve', application(), {}, now)).toEqual({
      ok: false,
      problems: { grantedType: 'required', validUntil: 'required' },
    });
    expect(step('approve', application(), { grantedType: 'forever', validUntil: '2026-11-03' }, now)).toEqual({
      ok: false,
      problems: { grantedType: 'out-of-range', validUntil: 'out-of-range' },
    });
    expect(step('approve', application(), { grantedType: 'annual', validUntil: '2027-12-31' }, now)).toMatchObject({
      ok: false,
      problems: { validUntil: 'out-of-range' },
    });
    expect(step('approve', application(), { grantedType: 'annual', validUntil: '2027-11-03' }, now)).toEqual({
      ok: true,
      status: 'approved',
      letter: 'approve',
      changes: {
        status: 'approved',
        grantedType: 'annual',
        validUntil: '2027-11-03',
        remindedAt: null,
        answeredAt: now,
        answeredInTime: true,
      },
    });
  });

  it('needs a reason to refuse, suspend or revoke, and a suspension is not a new answer', () => {
    for (const [action, status] of [
      ['decline', 'received'],
      ['suspend', 'approved'],
      ['revoke', 'suspended'],
    ] as const)
      expect(step(action, application({ status }), {}, now)).toEqual({ ok: false, problems: { reason: 'required' } });
    expect(step('suspend', application({ status: 'approved' }), { reason: 'Broke the embargo' }, now)).toEqual({
      ok: true,
      status: 'suspended',
      letter: 'suspend',
      changes: { status: 'suspended', reason: 'Broke the embargo' },
    });
  });
});
