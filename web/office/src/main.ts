import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import App from './App.vue';
import { createOfficeRouter } from './router';
import './office.css';

createApp(App).use(ElementPlus, { locale: zhCn }).use(createOfficeRouter()).mount('#app');
