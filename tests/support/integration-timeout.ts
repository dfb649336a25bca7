// Each integration file seeds a fresh table over HTTP; on a loaded 2-core CI machine that can exceed
// jest's 5 s default for a hook. Jest 29 reads no per-project `testTimeout`, hence this setup file.
jest.setTimeout(30_000);
