// What `import App from './App.vue'` gives the compiler (and ESLint): a component. Vite's Vue
// plugin compiles the file itself; its template and script are not type-checked here.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent;
  export default component;
}
