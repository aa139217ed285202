export const createLeadsRepository = () => ({ all: () => [] as string[] });
