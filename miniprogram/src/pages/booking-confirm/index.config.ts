export default definePageConfig({ navigationBarTitleText: '确认预约信息' });
