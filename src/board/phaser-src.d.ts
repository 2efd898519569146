// Phaser's CommonJS sources (aliased in vite.config.ts), imported by src/board/phaser.ts only. They
// carry no types of their own: phaser.ts gives each export its type from the `phaser` package.
declare module 'phaser-src/*' {
  const exported: unknown;
  export default exported;
}
