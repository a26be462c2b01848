export { Crc64, crc64, combineCrc64 } from './crc64.js';
