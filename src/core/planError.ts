/** A plan that cannot be used: the message is one Vietnamese line naming the field (`chiTieu['2.a'].keHoach …`). */
export class PlanError extends Error {}
