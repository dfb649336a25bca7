export default definePageConfig({ navigationBarTitleText: '大连市第二人民医院' });
