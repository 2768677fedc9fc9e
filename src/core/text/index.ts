export * from './normalize';
export { cp1252Byte, cp1252Char, isCp1252Text } from './cp1252';
export { decodeTcvn3, encodeTcvn3 } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
export { isVietnameseSyllable, syllableWeight } from './syllable';
export * from './detect';
