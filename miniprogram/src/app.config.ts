export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/guide/index',
    'pages/guide-detail/index',
    'pages/branches/index',
    'pages/patients/index',
    'pages/patient-form/index',
    'pages/persona/index',
    'pages/departments/index',
    'pages/schedule/index',
    'pages/slots/index',
    'pages/booking-patient/index',
    'pages/booking-confirm/index',
    'pages/appointment-detail/index',
    'pages/appointments/index',
    'pages/waitlist/index',
    'pages/messages/index',
    'pages/bills/index',
  ],
  // Staff roles get their own subpackages so patients never download their pages.
  subPackages: [
    {
      root: 'subpackages/doctor',
      pages: [
        'home/index',
        'sessions/index',
        'extra-number/index',
        'clinic-booking/index',
        'referral-booking/index',
        'referrals/index',
      ],
    },
    {
      root: 'subpackages/staff',
      pages: [
        'home/index',
        'suspend/index',
        'suspend-session/index',
        'desk-check-in/index',
        'payments/index',
        'statements/index',
        'templates/index',
        'identity-claims/index',
      ],
    },
    // Admin-only pages: staff accounts (disable, enable, change role); the working-day calendar.
    { root: 'subpackages/admin', pages: ['accounts/index', 'calendar/index'] },
    // Local demo only, like the persona switcher: kept out of the main package.
    { root: 'subpackages/demo', pages: ['sent-messages/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#0b57d0',
    navigationBarTitleText: '大连市第二人民医院',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
});
