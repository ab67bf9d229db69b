// Entry: fonts bundled with the app (the wall must look the same on any PC, online or not),
// the global look, Pinia and the router.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/wall.css';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router.ts';
import { locale } from './i18n/index.ts';

document.documentElement.lang = locale.value;
createApp(App).use(createPinia()).use(createAppRouter()).mount('#app');
