export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/guide/index',
    'pages/guide-detail/index',
    'pages/branches/index',
    'pages/patients/index',
    'pages/patient-form/index',
    'pages/persona/index',
  ],
  // Staff roles get their own subpackages so patients never download their pages.
  subPackages: [
    { root: 'subpackages/doctor', pages: ['home/index'] },
    { root: 'subpackages/staff', pages: ['home/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#0b57d0',
    navigationBarTitleText: '大连市第二人民医院',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
});
