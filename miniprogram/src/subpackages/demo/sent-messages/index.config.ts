export default definePageConfig({ navigationBarTitleText: '演示：已发送消息' });
