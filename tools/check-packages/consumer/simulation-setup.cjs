// The setup module of the CommonJS consumer's simulateInWorkers run: each worker thread loads it.
const { defineProcedure, vietnamCalendar } = require('@motcua/core');
const { copyCertification, sampleCopyCertification } = require('@motcua/procedures');

exports.setup = () => {
  const calendar = vietnamCalendar();
  const copies = defineProcedure(copyCertification.definition('2025.1'), { calendar });
  return { procedures: [copies], calendar, samples: { [copies.code]: () => sampleCopyCertification } };
};
