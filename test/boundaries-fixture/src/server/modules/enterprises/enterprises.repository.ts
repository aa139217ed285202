export const createEnterprisesRepository = () => ({ find: (name: string) => name });
