/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';
declare module '*.svg';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built, set by the Taro CLI. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin for the weapp build (config/index.ts `env`); H5 uses the same origin. */
    TARO_APP_API_BASE?: string;
  }
}
