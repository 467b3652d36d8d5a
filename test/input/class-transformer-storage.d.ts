/** The file class-transformer loads its metadata from ships without a declaration of its own. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
