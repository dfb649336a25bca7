export default definePageConfig({ navigationBarTitleText: '就诊指南' });
