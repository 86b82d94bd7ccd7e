/**
 * Every period of the access-to-documents procedure, in one place, so the desk can follow
 * the text of Kosovo's Law No. 06/L-081 on Access to Public Documents (as the Information
 * and Privacy Agency describes it) and change with it. "Days" are calendar days; a period
 * whose last day is not a working day ends on the next working day (the general rule for
 * administrative periods). Referral is counted in working days, as the law says.
 */
export const ACCESS_PERIODS = {
  /** A decision on a request, from its registration (or from the clarification the office asked for). */
  decisionDays: 7,
  /** The one extension allowed, at most this long, with a reason the requester is told. */
  maxExtensionDays: 15,
  /** A request about a person's life or liberty: answered within this many hours, weekends included. */
  urgentHours: 48,
  /** A document another institution holds: the request is referred there, and the requester told, within this many working days. */
  referralWorkingDays: 5,
  /** Every refusal tells the requester they may complain to the Information and Privacy Agency within this many days. */
  complaintDays: 15,
} as const;

/** A journalist's question: answered within this many working days, or by the deadline the journalist gave if sooner. */
export const MEDIA_INQUIRY_WORKING_DAYS = 2;

/** A message to the office's official address: answered within this many working days. */
export const OFFICE_MESSAGE_WORKING_DAYS = 10;

/** An application for accreditation: decided within this many working days. Our choice; no law sets it. */
export const ACCREDITATION_WORKING_DAYS = 3;

/** An accredited journalist is reminded this many days before their accreditation ends. */
export const ACCREDITATION_REMINDER_DAYS = 7;
