import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** Tables and columns in snake_case, properties in camelCase. */
export const namingStrategy = new SnakeNamingStrategy();
