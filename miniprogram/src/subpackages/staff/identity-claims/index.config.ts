export default definePageConfig({ navigationBarTitleText: '证件登记核验' });
