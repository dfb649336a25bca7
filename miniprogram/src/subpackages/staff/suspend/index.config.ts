export default definePageConfig({ navigationBarTitleText: '出诊停诊' });
