import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type Chain from 'webpack-chain';

// The workspace package @jiuyi/shared ships TypeScript source, so both targets must compile it.
const sharedRoot = path.resolve(__dirname, '../../shared');
const isH5 = process.env.TARO_ENV === 'h5';

/** Rules both targets need to bundle @jiuyi/shared and its dependencies. */
function configureSharedPackage(chain: Chain): void {
  // shared/ is pure (no top-level effects), so the pages keep only the schemas they import,
  // not every domain rule re-exported from its index.
  chain.module
    .rule('jiuyi-shared-pure')
    .merge({ test: /\.ts$/, include: [path.join(sharedRoot, 'src')], sideEffects: false });
}

export default defineConfig<'webpack5'>({
  projectName: 'jiuyi',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: isH5 ? 'dist-h5' : 'dist',
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  env: {
    // On weapp the API lives on another origin; H5 is served same-origin and ignores this.
    TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'),
  },
  mini: {
    compile: { include: [sharedRoot] },
    postcss: { pxtransform: { enable: true, config: {} } },
    optimizeMainPackage: { enable: true },
    webpackChain(chain) {
      configureSharedPackage(chain);
    },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    compile: { include: [sharedRoot] },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: { autoprefixer: { enable: true, config: {} } },
    webpackChain(chain) {
      configureSharedPackage(chain);
      // Taro splits only initial chunks; pages load lazily, so without this each page carries its own zod.
      chain.optimization.merge({ splitChunks: { chunks: 'all' } });
      // Taro runtime + React + zod come to about 310 KB; warn only when the entry grows well past that.
      chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(300 * 1024);
    },
  },
});
