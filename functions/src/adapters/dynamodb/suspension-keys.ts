/** Key builders of suspensions (停诊): offers sit in the suspended session's own partition. */
export const suspensionKeys = {
  offer: (sessionId: string, appointmentId: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `SUSPENSION#${appointmentId}`,
  }),
  offerPrefix: 'SUSPENSION#',
  /** Sparse gsi2 partition of open offers, sorted by deadline, for the scheduled default. */
  openOffers: 'SUSPENSIONOFFERS',
  openOfferSort: (deadline: string, sessionId: string, appointmentId: string) =>
    `${deadline}#${sessionId}#${appointmentId}`,
};
