export * from './demo-data.seeder';
export * from './hjem-til-alle.seed';
export * from './seed-step';
export * from './seed.module';
