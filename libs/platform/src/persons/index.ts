export * from './person.entity';
export * from './person-register';
export * from './persons.module';
export * from './migrations/1765000000001-persons';
