export default definePageConfig({ navigationBarTitleText: '院区及分部电话' });
